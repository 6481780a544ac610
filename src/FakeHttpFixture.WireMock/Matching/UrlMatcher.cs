using System.Text.RegularExpressions;

namespace FakeHttpFixture;

/// <summary>A mapping's URL part: <c>url</c> and <c>urlPattern</c> see the path with its query, the <c>urlPath…</c> words the path alone.</summary>
internal sealed class UrlMatcher
{
    private readonly Regex? _regex;
    private readonly string[]? _template;

    public UrlMatcher(UrlMatchKind kind, string value)
    {
        Kind = kind;
        Value = value;
        if (kind is UrlMatchKind.UrlPattern or UrlMatchKind.UrlPathPattern)
        {
            _regex = new Regex($"\\A(?:{value})\\z", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        else if (kind == UrlMatchKind.UrlPathTemplate)
        {
            _template = value.Split('/');
        }
    }

    public static UrlMatcher AnyUrl { get; } = new(UrlMatchKind.Any, string.Empty);

    public UrlMatchKind Kind { get; }

    public string Value { get; }

    /// <summary>Checks the URL; for a template, <paramref name="pathParameters"/> gets the values of its <c>{name}</c> segments.</summary>
    public bool IsMatch(RequestFacts request, out Dictionary<string, string>? pathParameters)
    {
        pathParameters = null;
        return Kind switch
        {
            UrlMatchKind.Url => request.Url == Value,
            UrlMatchKind.UrlPattern => _regex!.IsMatch(request.Url),
            UrlMatchKind.UrlPath => request.Path == Value,
            UrlMatchKind.UrlPathPattern => _regex!.IsMatch(request.Path),
            UrlMatchKind.UrlPathTemplate => MatchTemplate(request.Path, out pathParameters),
            _ => true,
        };
    }

    /// <summary>The names of a template's <c>{name}</c> segments, in order.</summary>
    public IEnumerable<string> TemplateNames() => (_template ?? []).Where(IsVariable).Select(s => s[1..^1]);

    public override string ToString() => Kind == UrlMatchKind.Any ? "any URL" : $"{char.ToLowerInvariant(Kind.ToString()[0])}{Kind.ToString()[1..]} {Value}";

    private static bool IsVariable(string segment) => segment.Length > 2 && segment[0] == '{' && segment[^1] == '}';

    private bool MatchTemplate(string path, out Dictionary<string, string>? values)
    {
        values = null;
        var segments = path.Split('/');
        if (segments.Length != _template!.Length)
        {
            return false;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            if (IsVariable(_template[i]))
            {
                if (segments[i].Length == 0)
                {
                    return false;
                }

                (values ??= new(StringComparer.Ordinal))[_template[i][1..^1]] = Uri.UnescapeDataString(segments[i]);
            }
            else if (segments[i] != _template[i])
            {
                return false;
            }
        }

        values ??= new(StringComparer.Ordinal);
        return true;
    }
}
