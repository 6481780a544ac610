using System.IO.Enumeration;
using Microsoft.Net.Http.Headers;

namespace FakeHttpFixture;

/// <summary>
/// Replaces secrets in the headers a HAR file keeps (HttpFixtureOptions.RedactedHeaders) with <see cref="Marker"/>, keeping what is
/// no secret and what a replay or a reader of the diff still needs: each cookie's name, a Set-Cookie's attributes, the scheme of an
/// Authorization. A name in the set may hold '*' for any characters ("*token*"), so every header whose name says it carries a
/// credential is caught, whatever the service calls it.
/// </summary>
internal sealed class HeaderRedaction
{
    /// <summary>What a secret value is written as.</summary>
    public const string Marker = "REDACTED";

    /// <summary>Keeps every value.</summary>
    public static readonly HeaderRedaction None = new([]);

    private readonly HashSet<string> _names;
    private readonly string[] _patterns;

    public HeaderRedaction(IEnumerable<string> names)
    {
        var all = names.ToArray();
        _names = new HashSet<string>(all.Where(n => !n.Contains('*', StringComparison.Ordinal)), StringComparer.OrdinalIgnoreCase);
        _patterns = [.. all.Where(n => n.Contains('*', StringComparison.Ordinal))];
    }

    /// <summary>Gets the names and patterns redacted by default: the headers of HTTP's own credentials and every name that says it carries one.</summary>
    public static IReadOnlyList<string> DefaultNames { get; } =
    [
        "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie",
        "*token*", "*secret*", "*password*", "*passwd*", "*api-key*", "*apikey*", "*api_key*", "*subscription-key*",
        "*access-key*", "*private-key*", "*credential*", "*signature*", "*session*", "*-auth", "x-auth-*",
    ];

    public bool Redacts(string name) => _names.Contains(name) || (_patterns.Length != 0 && _patterns.Any(p => FileSystemName.MatchesSimpleExpression(p, name, ignoreCase: true)));

    public string Apply(string name, string value)
    {
        if (!Redacts(name))
        {
            return value;
        }

        if (string.Equals(name, HeaderNames.Cookie, StringComparison.OrdinalIgnoreCase))
        {
            // "a=1; SECRET; b=2": a cookie without '=' is all value (browsers send it as a cookie with an empty name).
            return string.Join("; ", value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(pair => CookieName(pair) is { } cookie ? cookie + "=" + Marker : Marker));
        }

        if (string.Equals(name, HeaderNames.SetCookie, StringComparison.OrdinalIgnoreCase))
        {
            var attributes = value.IndexOf(';', StringComparison.Ordinal);
            var pair = attributes < 0 ? value : value[..attributes];
            return (CookieName(pair) is { } cookie ? cookie + "=" + Marker : Marker) + (attributes < 0 ? string.Empty : value[attributes..]);
        }

        if (string.Equals(name, HeaderNames.Authorization, StringComparison.OrdinalIgnoreCase) || string.Equals(name, HeaderNames.ProxyAuthorization, StringComparison.OrdinalIgnoreCase))
        {
            // The scheme is a token; what follows it is the secret. A value with no space is all secret.
            var space = value.IndexOf(' ', StringComparison.Ordinal);
            return space > 0 && value[..space].All(char.IsAsciiLetterOrDigit) ? value[..space] + " " + Marker : Marker;
        }

        return Marker;
    }

    /// <summary>Returns the cookies a Cookie or Set-Cookie value holds as the HAR's cookies array lists them, redacted when the header is.</summary>
    public IEnumerable<(string Name, string Value)> CookiePairs(string header, string value)
    {
        var redact = Redacts(header);
        var pairs = string.Equals(header, HeaderNames.SetCookie, StringComparison.OrdinalIgnoreCase) ? [value.Split(';', 2)[0]] : value.Split(';');
        foreach (var raw in pairs)
        {
            var pair = raw.Trim();
            if (pair.Length == 0)
            {
                continue;
            }

            var name = CookieName(pair);
            yield return (name ?? string.Empty, redact ? Marker : name is null ? pair : pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim());
        }
    }

    // The name of "name=value", or null for a cookie without '=' (whose whole text is its value).
    private static string? CookieName(string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? null : pair[..equals].Trim();
    }
}
