using System.Net.Sockets;
using System.Text;

namespace FakeHttpFixture.Tests.Support;

/// <summary>Speaks HTTP over a plain socket, for what HttpClient would normalize or refuse to send.</summary>
internal static class RawHttp
{
    public static async Task<Socket> ConnectAsync(HttpFixtureServer server)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync("127.0.0.1", server.Port);
        return socket;
    }

    public static Task SendAsync(Socket socket, string text) => SendAsync(socket, Encoding.Latin1.GetBytes(text));

    public static async Task SendAsync(Socket socket, byte[] bytes)
    {
        var sent = 0;
        while (sent < bytes.Length)
        {
            sent += await socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None);
        }
    }

    /// <summary>Reads until the server closes the connection or the timeout passes, and returns the text received.</summary>
    public static async Task<string> ReadToEndAsync(Socket socket, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var buffer = new byte[64 * 1024];
        var received = new MemoryStream();
        try
        {
            while (true)
            {
                var n = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
                if (n == 0)
                {
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
        }

        return Encoding.Latin1.GetString(received.ToArray());
    }

    /// <summary>Sends one request with "Connection: close" and returns the whole response text.</summary>
    public static async Task<string> ExchangeAsync(HttpFixtureServer server, string request)
    {
        using var socket = await ConnectAsync(server);
        await SendAsync(socket, request);
        return await ReadToEndAsync(socket, TimeSpan.FromSeconds(10));
    }
}
