namespace FakeHttpFixture;

/// <content>ProxyTo with the upstream's address as text, as the docs and a configuration file give it.</content>
public sealed partial class HttpFixtureOptions
{
    // Text that is no absolute address: kept to be reported with every other problem when the server starts, as ForHosts does.
    private string? _upstreamText;

    /// <summary>
    /// Forwards whatever nothing else answers to the service at <paramref name="upstream"/>, as <see cref="ProxyTo(Uri)"/> does.
    /// An address that is not an absolute http:// or https:// URL fails the start with a sentence that quotes it.
    /// </summary>
    /// <param name="upstream">The service's address, such as "https://api.example.com/"; a path ("https://example.com/v2/") is put before every request's path.</param>
    /// <returns>These options, for chaining.</returns>
    public HttpFixtureOptions ProxyTo(string upstream)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        if (Uri.TryCreate(upstream.Trim(), UriKind.Absolute, out var address))
        {
            Upstream = address;
            _upstreamText = null;
        }
        else
        {
            Upstream = null;
            _upstreamText = upstream;
        }

        return this;
    }
}
