namespace FakeHttpFixture;

/// <summary>How a mapping names its URL: the one word it uses of url, urlPattern, urlPath, urlPathPattern and urlPathTemplate, or none (any URL).</summary>
internal enum UrlMatchKind
{
    Any,
    Url,
    UrlPattern,
    UrlPath,
    UrlPathPattern,
    UrlPathTemplate,
}
