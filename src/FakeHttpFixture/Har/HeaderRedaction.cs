using Microsoft.Net.Http.Headers;

namespace FakeHttpFixture;

/// <summary>
/// Replaces secrets in the headers a HAR file keeps (HttpFixtureOptions.RedactedHeaders) with <see cref="Marker"/>, keeping what is
/// no secret and what a replay or a reader of the diff still needs: each cookie's name, a Set-Cookie's attributes, the scheme of an
/// Authorization.
/// </summary>
internal sealed class HeaderRedaction(IEnumerable<string> names)
{
    /// <summary>What a secret value is written as.</summary>
    public const string Marker = "REDACTED";

    /// <summary>Keeps every value.</summary>
    public static readonly HeaderRedaction None = new([]);

    private readonly HashSet<string> _names = new(names, StringComparer.OrdinalIgnoreCase);

    public bool Redacts(string name) => _names.Contains(name);

    public string Apply(string name, string value)
    {
        if (!_names.Contains(name))
        {
            return value;
        }

        if (string.Equals(name, HeaderNames.Cookie, StringComparison.OrdinalIgnoreCase))
        {
            return string.Join("; ", value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(pair => CookieName(pair) + "=" + Marker));
        }

        if (string.Equals(name, HeaderNames.SetCookie, StringComparison.OrdinalIgnoreCase))
        {
            var attributes = value.IndexOf(';', StringComparison.Ordinal);
            return CookieName(value) + "=" + Marker + (attributes < 0 ? string.Empty : value[attributes..]);
        }

        if (string.Equals(name, HeaderNames.Authorization, StringComparison.OrdinalIgnoreCase) || string.Equals(name, HeaderNames.ProxyAuthorization, StringComparison.OrdinalIgnoreCase))
        {
            var space = value.IndexOf(' ', StringComparison.Ordinal);
            return space > 0 ? value[..space] + " " + Marker : Marker;
        }

        return Marker;
    }

    private static string CookieName(string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        return (equals < 0 ? pair : pair[..equals]).Trim();
    }
}
