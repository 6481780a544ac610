using System.Security.Cryptography.X509Certificates;

namespace FakeHttpFixture;

/// <summary>
/// Makes SocketsHttpHandlers route by host: <see cref="SocketsHttpHandler.ConnectCallback"/> opens the connection to the server that
/// answers the request's host instead of asking DNS, while the handler goes on as for the real name: the Host header, the
/// connection pool and the TLS target name (SNI) stay the URL's host, since the handler takes them from the request, not from the
/// callback. The connection is made once per connection, so a request on a kept-alive connection costs nothing more.
/// </summary>
internal static class RoutingClientHandler
{
    /// <summary>Creates a handler that routes for <paramref name="routes"/>, as <see cref="HttpFixtureRouting.CreateHandler"/> hands out.</summary>
    public static HttpMessageHandler Create(HostRouteTable routes)
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = true };
        Route(handler, routes);

        // HTTP/2 when every server asks its clients for it, as each server's own CreateHandler would.
        return routes.Servers.Count != 0 && routes.Servers.All(s => s.PrefersHttp2) ? new Http2RequestHandler(handler, exact: false) : handler;
    }

    /// <summary>Routes <paramref name="handler"/>: no proxy, connections by host, and trust in exactly the routed servers' certificates.</summary>
    /// <exception cref="InvalidOperationException">The handler has already sent a request, so its settings cannot change.</exception>
    public static void Route(SocketsHttpHandler handler, HostRouteTable routes)
    {
        handler.UseProxy = false;
        handler.ConnectCallback = routes.ConnectAsync;
        handler.SslOptions.RemoteCertificateValidationCallback = (sender, certificate, _, _) => routes.Trusts(sender, certificate);
    }

    /// <summary>
    /// Returns the primary handler an IHttpClientFactory client gets: the app's own SocketsHttpHandler, routed, so its settings
    /// (redirects, cookies, decompression, lifetimes) stay; for any other handler, a routed SocketsHttpHandler with the settings of an
    /// HttpClientHandler copied over, since an HttpClientHandler's inner handler cannot be reached.
    /// </summary>
    public static HttpMessageHandler RoutePrimary(HttpMessageHandler primary, HostRouteTable routes)
    {
        if (primary is SocketsHttpHandler sockets)
        {
            try
            {
                Route(sockets, routes);
                return sockets;
            }
            catch (InvalidOperationException)
            {
                // The app hands every client one shared handler that has sent requests already: it gets a routed one of its own.
            }
        }

        var handler = new SocketsHttpHandler();
        if (primary is HttpClientHandler settings)
        {
            CopySettings(settings, handler);
        }

        Route(handler, routes);
        return handler;
    }

    private static void CopySettings(HttpClientHandler from, SocketsHttpHandler to)
    {
        to.AllowAutoRedirect = from.AllowAutoRedirect;
        to.MaxAutomaticRedirections = from.MaxAutomaticRedirections;
        to.AutomaticDecompression = from.AutomaticDecompression;
        to.UseCookies = from.UseCookies;
        if (from.UseCookies)
        {
            to.CookieContainer = from.CookieContainer;
        }

        to.Credentials = from.Credentials;
        to.PreAuthenticate = from.PreAuthenticate;
        to.MaxConnectionsPerServer = from.MaxConnectionsPerServer;
        to.MaxResponseHeadersLength = from.MaxResponseHeadersLength;
        if (from.ClientCertificateOptions == ClientCertificateOption.Manual && from.ClientCertificates.Count != 0)
        {
            to.SslOptions.ClientCertificates = new X509CertificateCollection(from.ClientCertificates);
        }
    }
}
