using System.Globalization;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace FakeHttpFixture;

/// <summary>
/// The forward proxy of <see cref="HttpFixtureOptions.EnableForwardProxy"/>, for child processes and browsers that reach the fakes by
/// their real names through HTTPS_PROXY and HTTP_PROXY. A CONNECT to a routed host is answered 200 and its bytes relayed to the
/// server's own port, where the client's TLS (SNI and all) meets the server's certificate; an absolute-form request for a routed
/// host is sent there in origin form, one request per connection, so every request is checked. Any other host gets 403 naming
/// the routed ones, before anything is connected.
/// </summary>
/// <remarks>
/// Kestrel does not tunnel CONNECT in any protocol version, so the proxy reads the request head itself. It still runs on Kestrel:
/// a second endpoint of the same server whose connection middleware never hands the connection to Kestrel's HTTP layer, so the
/// sockets, the accept loop and the shutdown are Kestrel's and the proxy is a hundred lines rather than a listener of its own.
/// Relaying to the server's port over loopback, instead of into its HTTP pipeline, means tunnelled requests are parsed, recorded
/// and answered exactly as direct ones, and the server's request path has no host check to pay for.
/// </remarks>
internal sealed class ForwardProxy
{
    private const int MaxHeadLength = 32 * 1024;

    /// <summary>Gets or sets how long a client may take to send a request head before it is answered 408 and the connection closed.</summary>
    internal TimeSpan HeadTimeout { get; set; } = TimeSpan.FromSeconds(10);

    private volatile HostRouteTable? _routes;
    private CancellationToken _stopping;

    /// <summary>Registers the proxy as the whole of <paramref name="listen"/>'s connection pipeline.</summary>
    public void Attach(ListenOptions listen) => listen.Use(_ => OnConnectionAsync);

    /// <summary>Starts letting requests through, once the server's port is known; <paramref name="stopping"/> ends every relay when the server stops.</summary>
    public void Start(HostRouteTable routes, CancellationToken stopping)
    {
        _stopping = stopping;
        _routes = routes;
    }

    private async Task OnConnectionAsync(ConnectionContext connection)
    {
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(_stopping, connection.ConnectionClosed);
        var token = lifetime.Token;
        var client = connection.Transport;
        try
        {
            ProxyRequestHead? head;
            using var headTime = CancellationTokenSource.CreateLinkedTokenSource(token);
            headTime.CancelAfter(HeadTimeout);
            try
            {
                head = await ProxyRequestHead.ReadAsync(client.Input, MaxHeadLength, headTime.Token).ConfigureAwait(false);
            }
            catch (InvalidDataException ex)
            {
                await AnswerAsync(client.Output, 400, "Bad Request", $"FakeHttpFixture's proxy could not read the request: {ex.Message}\n", token).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                await AnswerAsync(client.Output, 408, "Request Timeout", $"FakeHttpFixture's proxy got no whole request head within {JournalText.Duration(HeadTimeout)}; send the head, up to its blank line, at once.\n", token).ConfigureAwait(false);
                return;
            }

            var routes = _routes;
            if (head is null || routes is null)
            {
                return;
            }

            if (routes.Find(head.Host, head.Port) is not { } server)
            {
                // The reason phrase names the host too: clients report a failed CONNECT by its status line, not its body.
                await AnswerAsync(client.Output, 403, $"{Printable(head.Host)} is not routed by FakeHttpFixture", routes.Refusal(head.Host, head.Port) + "\n", token).ConfigureAwait(false);
                return;
            }

            using var socket = new Socket(server.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(server.EndPoint, token).ConfigureAwait(false);
            var fixture = new NetworkStream(socket, ownsSocket: false);
            await using (fixture.ConfigureAwait(false))
            {
                if (head.IsConnect)
                {
                    await client.Output.WriteAsync("HTTP/1.1 200 Connection established\r\n\r\n"u8.ToArray(), token).ConfigureAwait(false);
                }
                else
                {
                    await fixture.WriteAsync(head.ToOriginForm(), token).ConfigureAwait(false);
                }

                await RelayAsync(client, fixture, socket, token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (IsConnectionEnd(ex))
        {
            // The client, the server or dispose ended the connection; there is no one left to tell.
        }
    }

    // Both directions at once; the server closing its side ends the exchange, the client closing its side is passed on as a half-close.
    private static async Task RelayAsync(IDuplexPipe client, NetworkStream fixture, Socket socket, CancellationToken token)
    {
        using var relay = CancellationTokenSource.CreateLinkedTokenSource(token);
        async Task UpAsync()
        {
            try
            {
                await client.Input.CopyToAsync(fixture, relay.Token).ConfigureAwait(false);
                socket.Shutdown(SocketShutdown.Send);
            }
            catch (Exception ex) when (IsConnectionEnd(ex))
            {
                await relay.CancelAsync().ConfigureAwait(false);
            }
        }

        async Task DownAsync()
        {
            try
            {
                await fixture.CopyToAsync(client.Output, relay.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsConnectionEnd(ex))
            {
                // Either side broke off; the other is cancelled below.
            }
            finally
            {
                await relay.CancelAsync().ConfigureAwait(false);
            }
        }

        await Task.WhenAll(UpAsync(), DownAsync()).ConfigureAwait(false);
    }

    private static async Task AnswerAsync(PipeWriter output, int status, string reason, string body, CancellationToken token)
    {
        var content = Encoding.UTF8.GetBytes(body);
        var head = string.Create(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: {content.Length}\r\nConnection: close\r\n\r\n");
        await output.WriteAsync(Encoding.ASCII.GetBytes(head), token).ConfigureAwait(false);
        await output.WriteAsync(content, token).ConfigureAwait(false);
    }

    // A reason phrase is one line of visible ASCII; a host read from a request could be anything.
    private static string Printable(string text) => string.Concat(text.Where(c => c is > ' ' and < '\x7f'));

    private static bool IsConnectionEnd(Exception ex) =>
        ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException;
}
