using System.Text;

namespace FakeHttpFixture;

/// <summary>
/// Puts the URL of a HAR entry and a request that arrived into one form, so that replay compares like with like: the path decoded
/// as Kestrel decodes it, the query as its decoded parameters in name order, the host in lower case without a default port.
/// </summary>
internal static class HarUrl
{
    /// <summary>Decodes a raw path as Kestrel does for <see cref="RecordedRequest.Path"/>: every escape but %2F, which stays, since it is not a separator.</summary>
    public static string DecodePath(string raw)
    {
        if (raw.Length == 0)
        {
            return "/";
        }

        if (!raw.Contains('%', StringComparison.Ordinal))
        {
            return raw;
        }

        var parts = raw.Split(["%2F", "%2f"], StringSplitOptions.None);
        return string.Join("%2F", parts.Select(Uri.UnescapeDataString));
    }

    /// <summary>Returns the query's parameters, decoded and ordered by name (equal names keep their order), as one comparable string; "" for none.</summary>
    public static string NormalizeQuery(string raw)
    {
        var query = raw.StartsWith('?') ? raw[1..] : raw;
        if (query.Length == 0)
        {
            return string.Empty;
        }

        var pairs = new List<(string Name, string Value)>();
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            pairs.Add(equals < 0 ? (Decode(part), string.Empty) : (Decode(part[..equals]), Decode(part[(equals + 1)..])));
        }

        if (pairs.Count == 0)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var (name, value) in pairs.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            // Separators that no decoded URL text can hold, so "a=b&c" and "a=b%26c" stay apart.
            text.Append(name).Append('\u0002').Append(value).Append('\u0001');
        }

        return text.ToString();
    }

    /// <summary>Returns the host and port as a client names them, in lower case and without the scheme's default port: "api.example.com", "127.0.0.1:5000".</summary>
    public static string NormalizeHost(string host, string scheme)
    {
        var lower = host.ToLowerInvariant();
        var defaultPort = string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase) ? ":443" : ":80";
        return lower.EndsWith(defaultPort, StringComparison.Ordinal) ? lower[..^defaultPort.Length] : lower;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
