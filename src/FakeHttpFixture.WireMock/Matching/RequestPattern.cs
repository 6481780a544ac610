namespace FakeHttpFixture;

/// <summary>A mapping's <c>request</c> part (also the body of <c>/__admin/requests/count</c> and <c>/find</c>): every part must match.</summary>
internal sealed class RequestPattern
{
    public string? Method { get; init; }

    public UrlMatcher Url { get; init; } = UrlMatcher.AnyUrl;

    public IReadOnlyDictionary<string, StringMatcher> PathParameters { get; init; } = new Dictionary<string, StringMatcher>();

    public IReadOnlyDictionary<string, StringMatcher> QueryParameters { get; init; } = new Dictionary<string, StringMatcher>();

    public IReadOnlyDictionary<string, StringMatcher> Headers { get; init; } = new Dictionary<string, StringMatcher>();

    public IReadOnlyDictionary<string, StringMatcher> Cookies { get; init; } = new Dictionary<string, StringMatcher>();

    public IReadOnlyList<BodyMatcher> BodyPatterns { get; init; } = [];

    public bool IsMatch(RequestFacts request) => Failures(request, stopAtFirst: true).Count == 0;

    /// <summary>Returns how far the request is from this pattern: the share of its parts that did not match, 0 for a match.</summary>
    public double Distance(RequestFacts request)
    {
        var parts = 2 + PathParameters.Count + QueryParameters.Count + Headers.Count + Cookies.Count + BodyPatterns.Count;
        return (double)Failures(request, stopAtFirst: false).Count / parts;
    }

    /// <summary>Lists the parts that did not match, each as a short phrase such as "method GET"; empty for a match.</summary>
    public List<string> Failures(RequestFacts request, bool stopAtFirst)
    {
        var failures = new List<string>();
        if (Method is { } method && method != "ANY" && !string.Equals(method, request.Method, StringComparison.Ordinal))
        {
            failures.Add($"method {method}");
            if (stopAtFirst)
            {
                return failures;
            }
        }

        if (!Url.IsMatch(request, out var pathValues))
        {
            failures.Add(Url.ToString());
            if (stopAtFirst)
            {
                return failures;
            }
        }

        foreach (var (name, matcher) in PathParameters)
        {
            string? value = null;
            if (pathValues is not null && !pathValues.TryGetValue(name, out value) || !matcher.IsMatch(value))
            {
                failures.Add($"path parameter {name} {matcher}");
            }
        }

        foreach (var (name, matcher) in QueryParameters)
        {
            if (!matcher.IsMatch(request.Query.TryGetValue(name, out var values) ? values : null))
            {
                failures.Add($"query parameter {name} {matcher}");
            }
        }

        foreach (var (name, matcher) in Headers)
        {
            if (!matcher.IsMatch(request.Header(name)))
            {
                failures.Add($"header {name} {matcher}");
            }
        }

        foreach (var (name, matcher) in Cookies)
        {
            if (!matcher.IsMatch(request.Cookie(name)))
            {
                failures.Add($"cookie {name} {matcher}");
            }
        }

        foreach (var body in BodyPatterns)
        {
            if (!body.IsMatch(request))
            {
                failures.Add($"body {body}");
            }
        }

        return failures;
    }
}
