using Microsoft.AspNetCore.Connections;

namespace FakeHttpFixture;

/// <summary>
/// Lets one TLS port answer plain HTTP/1.1 too, so that a server with routed hosts serves http:// and https:// URLs of the same names
/// on its one port. Kestrel has no such option; its connection middleware does the job: <see cref="Outer"/> runs before Kestrel's
/// HTTPS middleware and looks at the first byte of the connection, <see cref="Inner"/> runs after it and keeps the HTTP handler, and
/// a connection whose first byte is not a TLS handshake record skips the HTTPS middleware for that handler. Kestrel then serves it as
/// HTTP/1.1 with the scheme "http", since the connection has no TLS feature. Only servers with routed hosts get it, and it costs one
/// look at bytes already read, once per connection.
/// </summary>
internal sealed class CleartextBypass
{
    // Every TLS connection starts with a handshake record: content type 22.
    private const byte TlsHandshake = 0x16;

    private ConnectionDelegate? _http;

    /// <summary>Registered before UseHttps: sends a connection on through TLS, or straight to HTTP when it does not start with a handshake.</summary>
    public ConnectionDelegate Outer(ConnectionDelegate tls) => async connection =>
    {
        var input = connection.Transport.Input;
        System.IO.Pipelines.ReadResult read;
        try
        {
            read = await input.ReadAsync(connection.ConnectionClosed).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var buffer = read.Buffer;
        if (buffer.IsEmpty)
        {
            // The client left without a byte.
            input.AdvanceTo(buffer.Start);
            return;
        }

        var first = buffer.FirstSpan[0];

        // Nothing consumed or examined: the next reader (TLS or HTTP) gets these bytes again without waiting.
        input.AdvanceTo(buffer.Start);
        await (first == TlsHandshake ? tls(connection) : _http!(connection)).ConfigureAwait(false);
    };

    /// <summary>Registered after UseHttps: notes Kestrel's HTTP handler, which Kestrel adds last, for <see cref="Outer"/> to reach it directly.</summary>
    public ConnectionDelegate Inner(ConnectionDelegate http)
    {
        _http = http;
        return http;
    }
}
