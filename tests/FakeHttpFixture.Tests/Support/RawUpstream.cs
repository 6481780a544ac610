using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FakeHttpFixture.Tests.Support;

/// <summary>
/// An upstream that is a bare TcpListener: it reads each request (head and Content-Length body) and answers with exactly the bytes
/// the test's handler writes, or resets, or stalls, so the proxy meets what real services send, byte for byte.
/// </summary>
internal sealed class RawUpstream : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<string, Socket, Task> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    /// <param name="handler">Given the request's head as Latin-1 text and the socket, writes the answer (and closes or resets it).</param>
    public RawUpstream(Func<string, Socket, Task> handler)
    {
        _handler = handler;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Gets the heads of the requests received, in order.</summary>
    public ConcurrentQueue<string> Heads { get; } = new();

    /// <summary>An upstream that answers every request with <paramref name="response"/> and closes.</summary>
    public static RawUpstream Answering(string response) => new(async (_, socket) =>
    {
        await Send(socket, Encoding.UTF8.GetBytes(response));
        socket.Shutdown(SocketShutdown.Both);
    });

    public static async Task Send(Socket socket, byte[] bytes)
    {
        var sent = 0;
        while (sent < bytes.Length)
        {
            sent += await socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None);
        }
    }

    /// <summary>Resets the connection (RST, not FIN), as a crashed service would.</summary>
    public static void Reset(Socket socket)
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                var head = await ReadHeadAsync(socket);
                Heads.Enqueue(head);
                await _handler(head, socket);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException or IOException)
            {
                // The proxy went away, or the handler reset the connection.
            }
        }
    }

    private async Task<string> ReadHeadAsync(Socket socket)
    {
        var received = new List<byte>();
        var buffer = new byte[8192];
        int end;
        while ((end = IndexOfBlankLine(received)) < 0)
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            if (n == 0)
            {
                break;
            }

            received.AddRange(buffer.AsSpan(0, n));
        }

        var head = Encoding.Latin1.GetString([.. received.Take(end < 0 ? received.Count : end)]);
        var length = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) is { } line
            ? long.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture) : 0;
        var body = received.Count - (end + 4);
        while (body < length)
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            if (n == 0)
            {
                break;
            }

            body += n;
        }

        return head;
    }

    private static int IndexOfBlankLine(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
