namespace FakeHttpFixture;

/// <summary>
/// The headers that belong to one connection and not to the message (RFC 9110, section 7.6.1): a proxy does not forward them and a
/// replay does not send them, since the connection they described is gone. Connection can name more of them.
/// </summary>
internal static class HopByHopHeaders
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
    };

    /// <summary>Returns whether <paramref name="name"/> is hop-by-hop, by the standard list or because Connection (<paramref name="connection"/>) names it; HTTP/2 pseudo-headers (":authority") count too.</summary>
    public static bool Contains(string name, IReadOnlyCollection<string>? connection = null) =>
        name.StartsWith(':') || Names.Contains(name) || (connection is { Count: > 0 } && connection.Contains(name, StringComparer.OrdinalIgnoreCase));

    /// <summary>Returns the header names a Connection header's values list, such as "X-Trace" in "keep-alive, X-Trace".</summary>
    public static string[] Listed(IEnumerable<string?> connectionValues) =>
        [.. connectionValues.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];
}
