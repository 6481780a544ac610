using System.Globalization;
using System.Net;

namespace FakeHttpFixture;

/// <summary>
/// A host name that <see cref="HttpFixtureOptions.ForHosts"/> routes, or that an absolute stub URL names: an exact name
/// ("api.github.com") or a wildcard for one label ("*.example.com" matches "eu.example.com", not "example.com" nor "a.eu.example.com"),
/// which is how certificates read a wildcard, so that what is routed and what the certificate covers are the same names.
/// Names are kept lower case and in their ASCII (punycode) form, the form clients put in Host and SNI.
/// </summary>
internal sealed class HostPattern
{
    private static readonly IdnMapping Idn = new();

    private HostPattern(string text)
    {
        Text = text;
        IsWildcard = text.StartsWith("*.", StringComparison.Ordinal);
    }

    /// <summary>Gets the name as routed: lower case, ASCII, "*." first for a wildcard.</summary>
    public string Text { get; }

    /// <summary>Gets a value indicating whether the pattern is "*." followed by a name.</summary>
    public bool IsWildcard { get; }

    /// <summary>Gets what follows the '*' of a wildcard, such as ".example.com"; the whole name otherwise.</summary>
    public string Suffix => IsWildcard ? Text[1..] : Text;

    public static HostPattern Parse(string text) =>
        TryParse(text, out var pattern, out var problem) ? pattern : throw new ArgumentException(problem, nameof(text));

    /// <summary>Reads a name given to ForHosts, or says in a sentence what is wrong with it and what to give instead.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HostPattern? pattern, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? problem)
    {
        pattern = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "ForHosts was given an empty host name; give names such as \"api.github.com\" or \"*.example.com\".";
            return false;
        }

        var name = text.Trim();
        if (name.Contains("://", StringComparison.Ordinal) || name.Contains('/', StringComparison.Ordinal))
        {
            var host = Uri.TryCreate(name, UriKind.Absolute, out var url) ? url.Host : "api.example.com";
            problem = $"ForHosts takes host names, not URLs: give \"{host}\" instead of \"{name}\"; every scheme, port and path of the name is routed.";
            return false;
        }

        if (IPAddress.TryParse(name.Trim('[', ']'), out _))
        {
            problem = $"ForHosts takes host names, and \"{name}\" is an IP address: the fixture stands in for services by name. Call the server by its BaseAddress for its own address.";
            return false;
        }

        var colon = name.LastIndexOf(':');
        if (colon >= 0)
        {
            problem = $"ForHosts takes host names without a port: give \"{name[..colon]}\"; requests for the name on any port are routed.";
            return false;
        }

        var wildcard = name.StartsWith("*.", StringComparison.Ordinal);
        var rest = wildcard ? name[2..] : name;
        if (rest.EndsWith('.'))
        {
            // "api.github.com." is the same name written fully qualified.
            rest = rest[..^1];
        }

        if (rest.Contains('*', StringComparison.Ordinal))
        {
            problem = $"\"{name}\" is not a host name ForHosts understands: '*' may only stand for the whole first label, as in \"*.example.com\".";
            return false;
        }

        string ascii;
        try
        {
            ascii = Idn.GetAscii(rest).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            problem = $"\"{name}\" is not a valid host name; give one such as \"api.github.com\" or \"*.example.com\".";
            return false;
        }

        if (Uri.CheckHostName(ascii) != UriHostNameType.Dns || ascii.Split('.').Any(label => label.Length == 0 || label.Length > 63))
        {
            problem = $"\"{name}\" is not a valid host name; give one such as \"api.github.com\" or \"*.example.com\".";
            return false;
        }

        if (wildcard && !ascii.Contains('.', StringComparison.Ordinal))
        {
            problem = $"\"{name}\" would route every name under a top-level domain; a wildcard needs at least two labels after \"*.\", such as \"*.example.com\" (clients refuse certificates for broader wildcards).";
            return false;
        }

        pattern = new HostPattern(wildcard ? "*." + ascii : ascii);
        return true;
    }

    /// <summary>Splits an authority ("host", "host:port", "[::1]:port") into its host and port; the port is -1 when absent.</summary>
    public static bool TrySplitAuthority(ReadOnlySpan<char> authority, out ReadOnlySpan<char> host, out int port)
    {
        port = -1;
        host = authority;
        if (authority.IsEmpty)
        {
            return false;
        }

        if (authority[0] == '[')
        {
            var close = authority.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            host = authority[..(close + 1)];
            var after = authority[(close + 1)..];
            return after.IsEmpty || (after[0] == ':' && int.TryParse(after[1..], NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= IPEndPoint.MaxPort);
        }

        var colon = authority.LastIndexOf(':');
        if (colon < 0)
        {
            return true;
        }

        host = authority[..colon];
        return int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= IPEndPoint.MaxPort;
    }

    /// <summary>Returns whether <paramref name="host"/> (a name without port, any case, a trailing dot allowed) is this name or falls under this wildcard.</summary>
    public bool Matches(ReadOnlySpan<char> host)
    {
        if (host.EndsWith("."))
        {
            host = host[..^1];
        }

        if (!IsWildcard)
        {
            return host.Equals(Text, StringComparison.OrdinalIgnoreCase);
        }

        // One label before the suffix, as a certificate's wildcard reads: "eu.example.com", not "example.com" or "a.eu.example.com".
        var suffix = Text.AsSpan(1);
        return host.Length > suffix.Length
            && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
            && !host[..^suffix.Length].Contains('.');
    }

    /// <summary>Returns whether every name this pattern matches is matched by <paramref name="other"/> too.</summary>
    public bool IsCoveredBy(HostPattern other) =>
        IsWildcard ? other.IsWildcard && string.Equals(Text, other.Text, StringComparison.Ordinal) : other.Matches(Text);

    public override string ToString() => Text;
}
