using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FakeHttpFixture;

/// <summary>Breaks a connection or stream the ways real networks and servers do.</summary>
internal static class ConnectionFaults
{
    private static readonly byte[] Garbage = Encoding.ASCII.GetBytes("SSH-2.0-NotHttp garbage instead of a status line\r\n\r\n");

    /// <summary>Resets the TCP connection: with a zero linger the socket's close sends RST rather than FIN, which clients report as "connection reset".</summary>
    public static void Reset(HttpContext context)
    {
        // Kestrel lets a request reach its connection's features; the socket is there for a plain TCP transport.
        if (context.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
        {
            try
            {
                socket.LingerState = new LingerOption(enable: true, seconds: 0);
                socket.Close();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Already gone: the client sees the connection end either way.
            }
        }

        context.Abort();
    }

    /// <summary>The HTTP/2 error code INTERNAL_ERROR, which every reset the fixture plays on its own sends (RFC 9113, section 7).</summary>
    public const int InternalError = 2;

    /// <summary>Resets only the HTTP/2 (or HTTP/3) stream with <paramref name="errorCode"/>; HTTP/1.1 has no streams, so there the connection is reset.</summary>
    public static void ResetStream(HttpContext context, int errorCode)
    {
        if (context.Features.Get<IHttpResetFeature>() is { } reset)
        {
            reset.Reset(errorCode);
            return;
        }

        Reset(context);
    }

    /// <summary>
    /// Writes bytes that are not HTTP straight to the connection, before Kestrel has written anything, and completes the
    /// connection's output so they are sent before it closes. Once the connection is closed the request is aborted, so
    /// Kestrel writes nothing after them.
    /// </summary>
    public static async Task SendMalformedStatusLineAsync(HttpContext context, CancellationToken token)
    {
        var transport = context.Features.Get<IConnectionTransportFeature>()?.Transport;
        var lifetime = context.Features.Get<IConnectionLifetimeFeature>();
        if (transport is null || lifetime is null || context.Request.Protocol != HttpProtocol.Http11)
        {
            // HTTP/2 frames its own status, so garbage there means a broken connection.
            Reset(context);
            return;
        }

        await transport.Output.WriteAsync(Garbage, token).ConfigureAwait(false);
        await transport.Output.CompleteAsync().ConfigureAwait(false);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ConnectionClosed.Register(static state => ((TaskCompletionSource)state!).TrySetResult(), closed))
        {
            await closed.Task.WaitAsync(TimeSpan.FromSeconds(5), token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        context.Abort();
    }

    /// <summary>
    /// Cuts off a response whose bytes have all been flushed, without its proper end: on HTTP/1.1 the connection's output is
    /// completed, so every byte written goes out and the connection then closes without the last chunk; on HTTP/2 the stream is
    /// reset with INTERNAL_ERROR. Either way the client sees the body end early, as when a server dies mid-stream.
    /// </summary>
    public static async Task CutOffAsync(HttpContext context, CancellationToken token)
    {
        var transport = context.Features.Get<IConnectionTransportFeature>()?.Transport;
        var lifetime = context.Features.Get<IConnectionLifetimeFeature>();
        if (transport is null || lifetime is null || context.Request.Protocol != HttpProtocol.Http11)
        {
            ResetStream(context, InternalError);
            return;
        }

        // Kestrel writes the last chunk only when the application returns; completing the output first leaves it out.
        await transport.Output.CompleteAsync().ConfigureAwait(false);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ConnectionClosed.Register(static state => ((TaskCompletionSource)state!).TrySetResult(), closed))
        {
            await closed.Task.WaitAsync(TimeSpan.FromSeconds(5), token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        context.Abort();
    }
}
