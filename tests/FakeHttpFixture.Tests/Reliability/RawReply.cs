using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace FakeHttpFixture.Tests.Reliability;

/// <summary>What a raw socket got back: the bytes as Latin-1 text, and whether the server closed the connection or went quiet.</summary>
internal sealed record RawReply(string Text, bool Closed)
{
    /// <summary>Gets the status code of the first response, or null when nothing that looks like a status line arrived.</summary>
    public int? StatusCode =>
        Text.Length >= 12 && Text.StartsWith("HTTP/1.", StringComparison.Ordinal)
            && int.TryParse(Text.AsSpan(9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var status)
            ? status
            : null;

    /// <summary>Connects, sends <paramref name="request"/> and reads until the server closes or <paramref name="timeout"/> passes.</summary>
    public static async Task<RawReply> ExchangeAsync(int port, byte[] request, TimeSpan timeout, bool halfClose = false)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync("127.0.0.1", port);
        try
        {
            var sent = 0;
            while (sent < request.Length)
            {
                sent += await socket.SendAsync(request.AsMemory(sent), SocketFlags.None);
            }

            if (halfClose)
            {
                socket.Shutdown(SocketShutdown.Send);
            }
        }
        catch (SocketException)
        {
            // The server may close on the first bad byte while the rest is still being sent; what it answered is read below.
        }

        return await ReadAsync(socket, timeout);
    }

    /// <summary>Reads until the server closes the connection (Closed) or <paramref name="timeout"/> passes (not Closed).</summary>
    public static async Task<RawReply> ReadAsync(Socket socket, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var buffer = new byte[16 * 1024];
        var received = new MemoryStream();
        var closed = false;
        try
        {
            while (true)
            {
                var n = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
                if (n == 0)
                {
                    closed = true;
                    break;
                }

                received.Write(buffer, 0, n);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
            // A reset is the server closing the connection too, only less politely.
            closed = true;
        }

        return new RawReply(Encoding.Latin1.GetString(received.ToArray()), closed);
    }

    public override string ToString()
    {
        var text = Text.Length > 200 ? Text[..200] + "…" : Text;
        return $"{(Closed ? "closed" : "still open")} after \"{text.ReplaceLineEndings("⏎")}\"";
    }
}
