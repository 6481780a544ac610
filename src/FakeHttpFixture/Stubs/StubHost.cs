using System.Globalization;

namespace FakeHttpFixture;

/// <summary>
/// The host part of a stub given as an absolute URL, <c>Stub(HttpMethod.Get, "https://api.github.com/repos/{owner}/{repo}")</c>:
/// the stub then matches requests that name that scheme, host and port (the scheme's default port when the URL names none), so one
/// server standing in for several hosts answers each with its own stubs. The host may be a wildcard for one label ("*.example.com").
/// </summary>
internal sealed class StubHost
{
    private readonly bool _portGiven;

    private StubHost(string scheme, HostPattern pattern, int port, bool portGiven)
    {
        Scheme = scheme;
        Pattern = pattern;
        Port = port;
        _portGiven = portGiven;
    }

    public string Scheme { get; }

    public HostPattern Pattern { get; }

    public int Port { get; }

    /// <summary>Splits "https://host[:port]/path" into its host part and its path; returns <see langword="false"/> for a path, which has no scheme.</summary>
    /// <exception cref="ArgumentException">The URL is not one a stub can match, with what to write instead.</exception>
    public static bool TrySplit(string pathOrUrl, out StubHost host, out string path)
    {
        host = null!;
        path = pathOrUrl;
        var schemeEnd = pathOrUrl.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return false;
        }

        var scheme = pathOrUrl[..schemeEnd].ToLowerInvariant();
        if (scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"The stub URL '{pathOrUrl}' must start with http:// or https://, or be a path starting with '/'.", nameof(pathOrUrl));
        }

        var rest = pathOrUrl.AsSpan(schemeEnd + 3);
        var slash = rest.IndexOf('/');
        var authority = slash < 0 ? rest : rest[..slash];
        path = slash < 0 ? "/" : rest[slash..].ToString();
        if (path.AsSpan().ContainsAny('?', '#') || authority.ContainsAny('?', '#'))
        {
            throw new ArgumentException($"The stub URL '{pathOrUrl}' has a query or fragment; a stub matches the path, so give the URL without it and add .WithQuery(name, value) for query values.", nameof(pathOrUrl));
        }

        if (!HostPattern.TrySplitAuthority(authority, out var name, out var port) || !HostPattern.TryParse(name.ToString(), out var pattern, out var problem))
        {
            throw new ArgumentException($"The stub URL '{pathOrUrl}' does not name a host a stub can match; give a host name such as https://api.github.com/path, or a path alone for the server's own address.", nameof(pathOrUrl));
        }

        host = new StubHost(scheme, pattern, port < 0 ? DefaultPort(scheme) : port, port >= 0);
        return true;
    }

    /// <summary>Returns whether the request came for this scheme, host and port, as its Host header (or HTTP/2 authority) names them.</summary>
    public bool Matches(RecordedRequest request)
    {
        if (!string.Equals(Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase) || !HostPattern.TrySplitAuthority(request.Host, out var name, out var port))
        {
            return false;
        }

        return (port < 0 ? DefaultPort(request.Scheme) : port) == Port && Pattern.Matches(name);
    }

    /// <summary>Returns the URL's scheme and authority, such as "https://api.github.com", which the stub's description starts with.</summary>
    public override string ToString() =>
        _portGiven ? string.Create(CultureInfo.InvariantCulture, $"{Scheme}://{Pattern}:{Port}") : $"{Scheme}://{Pattern}";

    private static int DefaultPort(string scheme) => string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase) ? 443 : 80;
}
