using System.Security.Cryptography.X509Certificates;

namespace FakeHttpFixture;

/// <summary>Makes the client handlers a server hands out: no proxy, trust in exactly the server's certificate, an optional client certificate, and HTTP/2 when the options ask for it.</summary>
internal static class FixtureClientHandler
{
    public static HttpMessageHandler Create(X509Certificate2? serverCertificate, X509Certificate2? clientCertificate, bool http2, HostRouteTable? routes = null)
    {
        var handler = new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = true };
        if (serverCertificate is { } pinned)
        {
            // Pinning compares the exact certificate, so neither the trust store nor another fixture server's certificate counts,
            // and a caller's certificate issued by a private CA is trusted without trusting that CA.
            var expected = pinned.RawData;
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(expected);
        }

        if (routes is not null)
        {
            // A server with routed names: connections by host, and its certificate checked per name.
            RoutingClientHandler.Route(handler, routes);
        }

        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];

            // The server names no acceptable issuers for a self-signed client certificate, so choose it outright.
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
        }

        return http2 ? new Http2RequestHandler(handler, exact: serverCertificate is null) : handler;
    }
}
