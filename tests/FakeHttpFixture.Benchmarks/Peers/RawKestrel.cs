using System.Net;
using System.Net.ServerSentEvents;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FakeHttpFixture.Benchmarks.Peers;

/// <summary>
/// The baseline: KestrelServer with the smallest useful IHttpApplication. It drains the body, answers the 1 KiB file
/// for GET /file.bin, the item JSON for GET /api/items/42, the event stream for GET /events (the framework's SseFormatter,
/// as the fixture formats it), a WebSocket echo for /echo (the handshake by hand, then WebSocket.CreateFromStream) and an
/// empty 200 for anything else, and records nothing.
/// </summary>
internal sealed class RawKestrel : IHttpApplication<HttpContext>, IAsyncDisposable
{
    private readonly IServer _server;
    private TaskCompletionSource? _arrival;

    private RawKestrel(IServer server) => _server = server;

    /// <summary>Gets or sets how long the item JSON takes to answer, to play a service that does work; zero by default.</summary>
    public TimeSpan ServiceTime { get; set; }

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<RawKestrel> StartAsync(int port = 0, X509Certificate2? certificate = null)
    {
        if (certificate is not null)
        {
            return await StartTlsAsync(port, certificate).ConfigureAwait(false);
        }

        var options = new KestrelServerOptions { AddServerHeader = false, ApplicationServices = NullServices.Instance };
        options.Limits.MaxRequestBodySize = null;
        options.Listen(IPAddress.Loopback, port);
        // The transport options a Kestrel host would give (its pinned block memory pool), as the fixture has them: a transport
        // made with `new SocketTransportOptions()` gets pipes over the shared array pool, which churns under a large upload.
        var transport = new SocketTransportFactory(KestrelServices.TransportOptions, NullLoggerFactory.Instance);
        var kestrel = new RawKestrel(new KestrelServer(Options.Create(options), transport, NullLoggerFactory.Instance));
        await kestrel._server.StartAsync(kestrel, CancellationToken.None).ConfigureAwait(false);
        kestrel.BaseAddress = new Uri(kestrel._server.Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        return kestrel;
    }

    // ListenOptions.UseHttps asks the container for Kestrel's HTTPS configuration service, which only the host registers:
    // for the TLS (HTTP/2) load test the server comes from a slim builder's container, and is still driven by this application.
    private static async Task<RawKestrel> StartTlsAsync(int port, X509Certificate2 certificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Limits.MaxRequestBodySize = null;
            options.Listen(IPAddress.Loopback, port, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(certificate);
            });
        });
        var app = builder.Build();
        var kestrel = new RawKestrel(app.Services.GetRequiredService<IServer>());
        await kestrel._server.StartAsync(kestrel, CancellationToken.None).ConfigureAwait(false);
        kestrel.BaseAddress = new Uri(kestrel._server.Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        return kestrel;
    }

    /// <summary>Returns a task completed by the next request whose body has been drained: the baseline for WaitForRequestAsync.</summary>
    public Task NextArrival()
    {
        var arrival = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _arrival = arrival;
        return arrival.Task;
    }

    public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

    public async Task ProcessRequestAsync(HttpContext context)
    {
        if (context.Request.Path.Value == Payload.EchoPath && context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true } upgrade)
        {
            await EchoAsync(context, upgrade).ConfigureAwait(false);
            return;
        }

        var reader = context.Request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync().ConfigureAwait(false);
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted || result.IsCanceled)
            {
                break;
            }
        }

        Interlocked.Exchange(ref _arrival, null)?.TrySetResult();
        var response = context.Response;
        response.StatusCode = 200;
        if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path.Value == Payload.FilePath)
        {
            response.ContentType = "application/octet-stream";
            response.ContentLength = Payload.File.Length;
            await response.Body.WriteAsync(Payload.File).ConfigureAwait(false);
        }
        else if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path.Value == Payload.EventsPath)
        {
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            await response.StartAsync().ConfigureAwait(false);
            await response.Body.FlushAsync().ConfigureAwait(false);
            await SseFormatter.WriteAsync(Payload.Events.ToAsyncEnumerable(), response.Body).ConfigureAwait(false);
        }
        else if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path.Value == Payload.ItemPath)
        {
            if (ServiceTime > TimeSpan.Zero)
            {
                await Task.Delay(ServiceTime).ConfigureAwait(false);
            }

            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = Payload.Item.Length;
            await response.Body.WriteAsync(Payload.Item).ConfigureAwait(false);
        }
    }

    // RFC 6455 §4.2.2: the accept key is the SHA-1 of the client's key and a fixed GUID, in base64.
    private static async Task EchoAsync(HttpContext context, IHttpUpgradeFeature upgrade)
    {
        var key = context.Request.Headers.SecWebSocketKey.ToString();
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
        context.Response.Headers.Upgrade = "websocket";
        context.Response.Headers.SecWebSocketAccept = accept;
        var stream = await upgrade.UpgradeAsync().ConfigureAwait(false);
        using var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
                    return;
                }

                await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (WebSocketException)
        {
            // The benchmark's client went away at cleanup.
        }
    }

    public void DisposeContext(HttpContext context, Exception? exception)
    {
    }

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync(CancellationToken.None).ConfigureAwait(false);
        _server.Dispose();
    }
}
