using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FakeHttpFixture.Benchmarks.Peers;

/// <summary>
/// Raw Kestrel doing a proxy's work and nothing more: KestrelServer with an IHttpApplication that forwards each request to the
/// upstream with one HttpMessageInvoker (no redirects, no decompression, no cookies, as the fixture's) and copies the answer back.
/// It records nothing, so the fixture's proxy compared with it shows the fixture's own cost; compared with a direct request, the
/// cost of the second hop itself.
/// </summary>
internal sealed class RawKestrelProxy : IHttpApplication<HttpContext>, IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase) { "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Host", "Content-Length" };

    private readonly IServer _server;
    private readonly HttpMessageInvoker _client = new(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None, UseCookies = false });
    private readonly string _upstream;

    private RawKestrelProxy(IServer server, Uri upstream)
    {
        _server = server;
        _upstream = upstream.GetLeftPart(UriPartial.Authority);
    }

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<RawKestrelProxy> StartAsync(Uri upstream)
    {
        var options = new KestrelServerOptions { AddServerHeader = false, ApplicationServices = NullServices.Instance };
        options.Limits.MaxRequestBodySize = null;
        options.Listen(IPAddress.Loopback, 0);
        var transport = new SocketTransportFactory(KestrelServices.TransportOptions, NullLoggerFactory.Instance);
        var proxy = new RawKestrelProxy(new KestrelServer(Options.Create(options), transport, NullLoggerFactory.Instance), upstream);
        await proxy._server.StartAsync(proxy, CancellationToken.None).ConfigureAwait(false);
        proxy.BaseAddress = new Uri(proxy._server.Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        return proxy;
    }

    public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

    public async Task ProcessRequestAsync(HttpContext context)
    {
        var request = context.Request;
        using var message = new HttpRequestMessage(HttpMethod.Parse(request.Method), _upstream + request.Path.ToUriComponent() + request.QueryString.ToUriComponent());
        if (request.ContentLength > 0)
        {
            message.Content = new StreamContent(request.Body);
        }

        foreach (var (name, values) in request.Headers)
        {
            if (!HopByHop.Contains(name) && !message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using var answer = await _client.SendAsync(message, context.RequestAborted).ConfigureAwait(false);
        var response = context.Response;
        response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.NonValidated.Concat(answer.Content.Headers.NonValidated))
        {
            if (!HopByHop.Contains(name) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                response.Headers[name] = values.ToArray();
            }
        }

        await answer.Content.CopyToAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    public void DisposeContext(HttpContext context, Exception? exception)
    {
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync(CancellationToken.None).ConfigureAwait(false);
        _server.Dispose();
        _client.Dispose();
    }
}
