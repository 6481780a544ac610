namespace FakeHttpFixture;

/// <summary>
/// Keeps what the proxy forwards under the base path of ProxyTo: System.Uri resolves "." and ".." segments (also written
/// "%2e%2e", or with '\' for '/') once the request's path is joined to the base, so "GET /../x" to "http://svc/v2/" would reach
/// "/x". Clients remove such segments before sending (RFC 3986, section 5.2.4); a request that still has them is refused.
/// </summary>
internal static class ProxyPath
{
    /// <summary>Returns why <paramref name="rawTarget"/> must not be forwarded, or <see langword="null"/> when it may be.</summary>
    public static string? Escape(string rawTarget)
    {
        if (!rawTarget.StartsWith('/'))
        {
            // An absolute-form target is forwarded by its path, which Kestrel has already resolved.
            return null;
        }

        var path = rawTarget.AsSpan();
        var query = path.IndexOf('?');
        if (query >= 0)
        {
            path = path[..query];
        }

        foreach (var range in path.SplitAny('/', '\\'))
        {
            var segment = path[range];
            if (segment.Length is 0 or > 6)
            {
                continue;
            }

            var dots = segment.ToString().Replace("%2e", ".", StringComparison.OrdinalIgnoreCase);
            if (dots is "." or "..")
            {
                return $"its path has a \"{segment}\" segment, which the upstream's URL would resolve, possibly above the base path of ProxyTo. A real client removes such segments before sending (RFC 3986, section 5.2.4); send the path without them.";
            }
        }

        return null;
    }
}
