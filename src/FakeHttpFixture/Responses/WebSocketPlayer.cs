using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebSockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace FakeHttpFixture;

/// <summary>
/// Accepts a WebSocket for a stub and plays its script. The handshake is ASP.NET Core's own <see cref="WebSocketMiddleware"/>,
/// constructed once per process, on the first WebSocket stub, and invoked by hand as the server has no pipeline: it checks the
/// request, writes Sec-WebSocket-Accept and accepts both an HTTP/1.1 upgrade and an HTTP/2 extended CONNECT (RFC 8441).
/// </summary>
internal static class WebSocketPlayer
{
    public static async Task PlayAsync(Exchange exchange, StubResponse response, WebSocketConversation conversation, CancellationToken token)
    {
        var context = exchange.Context;
        CountedUpgradeFeature.Install(exchange);
        await Handshake.Middleware.Invoke(context).ConfigureAwait(false);
        var sockets = context.WebSockets;
        var http = context.Response;
        if (!sockets.IsWebSocketRequest)
        {
            // RFC 6455 §4.2.2: a server that wants a WebSocket handshake answers anything else with 426 and the version it speaks.
            http.StatusCode = StatusCodes.Status426UpgradeRequired;
            http.Headers.Upgrade = "websocket";
            http.Headers.SecWebSocketVersion = "13";
            http.ContentType = "text/plain; charset=utf-8";
            await http.WriteAsync($"FakeHttpFixture: the stub for {exchange.Request.Method} {exchange.Request.Path} answers WebSocket handshakes only; this request asked for none.\n", token).ConfigureAwait(false);
            return;
        }

        if (response.StatusCode != StatusCodes.Status200OK)
        {
            // A status set on a WebSocket stub refuses the handshake with it, as a server that does not authorize the client.
            http.StatusCode = response.StatusCode;
            AppendHeaders(http, response);
            return;
        }

        AppendHeaders(http, response);
        var offered = sockets.WebSocketRequestedProtocols;
        var subProtocol = conversation.SubProtocol is { } wanted && offered.Contains(wanted, StringComparer.Ordinal) ? wanted : null;

        // Kestrel starts the response itself (101, or 200 on HTTP/2); the exchange notes it from Kestrel's OnStarting callbacks.
        exchange.NoteWhenKestrelStarts();

        // Server pings are off: a test's WebSocket is short, and a ping timer must not outlive the request it belongs to.
        using var socket = await sockets.AcceptWebSocketAsync(new WebSocketAcceptContext { SubProtocol = subProtocol, KeepAliveInterval = TimeSpan.Zero }).ConfigureAwait(false);
        await new WebSocketSession(exchange, socket, conversation).RunAsync(token).ConfigureAwait(false);
    }

    private static void AppendHeaders(HttpResponse http, StubResponse response)
    {
        foreach (var (name, value) in response.Headers)
        {
            if (!string.Equals(name, HeaderNames.ContentType, StringComparison.OrdinalIgnoreCase))
            {
                http.Headers.Append(name, value);
            }
        }
    }

    // A class of its own, so that a server start (which builds the ResponsePlayer) never loads Microsoft.AspNetCore.WebSockets:
    // the middleware is made when a WebSocket stub first plays. It keeps no state per request, so one serves every server.
    private static class Handshake
    {
        public static readonly WebSocketMiddleware Middleware = new(static _ => Task.CompletedTask, Options.Create(new WebSocketOptions()), NullLoggerFactory.Instance);
    }
}
