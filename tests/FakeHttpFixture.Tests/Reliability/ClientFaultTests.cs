using System.Net.Sockets;
using System.Text;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Reliability;

/// <summary>Clients that vanish, stall or half-close: the server keeps serving and the journal keeps what arrived.</summary>
[Trait("Category", "Reliability")]
public sealed class ClientFaultTests
{
    [Theory]
    [InlineData("Content-Length", false)]
    [InlineData("Content-Length", true)]
    [InlineData("chunked", false)]
    [InlineData("chunked", true)]
    public async Task Uploads_broken_off_mid_body_are_recorded_as_aborted_with_every_byte_that_arrived(string framing, bool reset)
    {
        const int Uploads = 16;
        await using var server = HttpFixtureServer.Start(new FileTree { ["ok.txt"] = "ok" });

        await Task.WhenAll(Enumerable.Range(0, Uploads).Select(i => Task.Run(async () =>
        {
            using var socket = await RawHttp.ConnectAsync(server);
            var part = $"part-{i}-" + new string('x', i * 100);
            var head = framing == "chunked"
                ? $"PUT /upload/{i} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n{part.Length:x}\r\n{part}\r\n"
                : $"PUT /upload/{i} HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n{part}";
            await RawHttp.SendAsync(socket, head);

            // Stall before vanishing, as a crashing uploader does: Kestrel drops bytes that arrive in the same read as the FIN.
            await StallingClient.StallAsync();
            if (reset)
            {
                socket.LingerState = new LingerOption(true, 0);
            }
        })));

        for (var i = 0; i < Uploads; i++)
        {
            var path = $"/upload/{i}";
            var r = await server.WaitForRequestAsync(r => r.Path == path, TimeSpan.FromSeconds(10));
            r.Aborted.ShouldBeTrue(r.ToString());
            r.StatusCode.ShouldBe(0, $"{r}: a client that went away got no answer, so none may be recorded");
            r.BodyText.ShouldBe($"part-{i}-" + new string('x', i * 100));
        }

        server.Requests.Count.ShouldBe(Uploads);
        using var client = server.CreateClient();
        (await client.GetStringAsync("ok.txt")).ShouldBe("ok");
    }

    [Fact]
    public async Task Downloads_broken_off_midway_do_not_stop_the_server_from_serving_the_same_file_whole()
    {
        const int Downloads = 8;
        var big = new byte[8 * 1024 * 1024];
        new Random(7).NextBytes(big);
        await using var server = HttpFixtureServer.Start(new FileTree().Add("big.bin", big));

        await Task.WhenAll(Enumerable.Range(0, Downloads).Select(i => Task.Run(async () =>
        {
            using var socket = await RawHttp.ConnectAsync(server);
            socket.ReceiveBufferSize = 8 * 1024;
            await RawHttp.SendAsync(socket, $"GET /big.bin?n={i} HTTP/1.1\r\nHost: x\r\n\r\n");
            var buffer = new byte[64 * 1024];
            var received = 0;
            while (received < buffer.Length)
            {
                var n = await socket.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None);
                n.ShouldBePositive("the server closed before sending 64 KB");
                received += n;
            }

            // Half the clients leave politely (FIN), half abruptly (RST), both mid-body.
            if (i % 2 == 0)
            {
                socket.LingerState = new LingerOption(true, 0);
            }
        })));

        using var client = server.CreateClient();
        var whole = await client.GetByteArrayAsync("big.bin", TestContext.Current.CancellationToken);
        whole.AsSpan().SequenceEqual(big).ShouldBeTrue("the file must arrive whole after the broken downloads");
        server.Requests.Count.ShouldBe(Downloads + 1);
        server.Requests.ShouldAllBe(r => r.Path == "/big.bin" && r.StatusCode == 200);
    }

    [Fact]
    public async Task Slowloris_clients_trickling_headers_do_not_stop_other_clients_and_are_never_recorded()
    {
        const int Slow = 32;
        await using var server = HttpFixtureServer.Start(new FileTree { ["ok.txt"] = "ok" });
        var sockets = new List<Socket>();
        try
        {
            for (var i = 0; i < Slow; i++)
            {
                var socket = await RawHttp.ConnectAsync(server);
                sockets.Add(socket);
                await RawHttp.SendAsync(socket, $"GET /slow/{i} HTTP/1.1\r\nHost: x\r\n");
            }

            using var client = server.CreateClient();
            for (var round = 0; round < 10; round++)
            {
                // Each slow client adds one more header line, never the blank line that ends the headers.
                foreach (var socket in sockets)
                {
                    await RawHttp.SendAsync(socket, $"X-Trickle-{round}: {new string('t', 10)}\r\n");
                }

                (await client.GetStringAsync($"ok.txt?round={round}")).ShouldBe("ok");
                await Task.Delay(100);
            }

            server.Requests.Count.ShouldBe(10);
            server.Requests.ShouldAllBe(r => r.Path == "/ok.txt");
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task Upload_slower_than_Kestrels_minimum_data_rate_is_cut_with_408_and_recorded_as_aborted()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var socket = await RawHttp.ConnectAsync(server);
        await RawHttp.SendAsync(socket, "POST /trickle HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n");

        // Kestrel's MinRequestBodyDataRate: 240 B/s after a 5 s grace. Four bytes a second stays far below it.
        using var hangCheck = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var reply = RawReply.ReadAsync(socket, TimeSpan.FromSeconds(30));
        var sent = 0;
        while (!reply.IsCompleted && !hangCheck.IsCancellationRequested)
        {
            try
            {
                await RawHttp.SendAsync(socket, "b");
                sent++;
            }
            catch (SocketException)
            {
                break;
            }

            await Task.WhenAny(reply, Task.Delay(250, hangCheck.Token));
        }

        var answer = await reply;
        answer.StatusCode.ShouldBe(408, answer.ToString());
        answer.Closed.ShouldBeTrue(answer.ToString());
        var r = await server.WaitForRequestAsync(timeout: TimeSpan.FromSeconds(10));
        r.Aborted.ShouldBeTrue(r.ToString());
        r.StatusCode.ShouldBe(408);
        r.BodyLength.ShouldBeLessThanOrEqualTo(sent);
        r.BodyText.ShouldBe(new string('b', (int)r.BodyLength));
    }

    [Fact]
    public async Task Half_closed_client_ends_its_connection_and_nothing_is_recorded_short_without_being_marked_aborted()
    {
        const int Clients = 16;
        await using var server = HttpFixtureServer.Start(new FileTree { ["ok.txt"] = "ok" }.Add("big.bin", new byte[4 * 1024 * 1024]));

        // Kestrel takes a client's FIN for the end of the whole connection, not half of it (dotnet/aspnetcore#13188):
        // a response still being written is cut off, and a body in the same read as the FIN may be dropped. What must
        // hold is that every connection ends, nothing hangs, and a body recorded short says it was aborted.
        var replies = await Task.WhenAll(Enumerable.Range(0, Clients).Select(i => Task.Run(() => RawReply.ExchangeAsync(
            server.Port,
            Encoding.ASCII.GetBytes(i % 2 == 0
                ? $"GET /big.bin?n={i} HTTP/1.1\r\nHost: x\r\n\r\n"
                : $"POST /form/{i} HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world"),
            TimeSpan.FromSeconds(10),
            halfClose: true))));

        replies.ShouldAllBe(r => r.Closed, "every half-closed connection must end rather than hang");
        foreach (var r in server.Requests.Where(r => r.Method == "POST"))
        {
            (r.BodyText == "hello world" || r.Aborted).ShouldBeTrue($"{r}: a body cut short must be marked aborted");
        }

        using var client = server.CreateClient();
        (await client.GetStringAsync("ok.txt")).ShouldBe("ok");
    }

    [Fact]
    public async Task Half_close_after_the_response_has_arrived_leaves_the_server_serving()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["ok.txt"] = "ok" });
        using var socket = await RawHttp.ConnectAsync(server);
        await RawHttp.SendAsync(socket, "POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world");
        var form = await server.WaitForRequestAsync(timeout: TimeSpan.FromSeconds(10));
        var buffer = new byte[1024];
        (await socket.ReceiveAsync(buffer, SocketFlags.None)).ShouldBePositive();

        socket.Shutdown(SocketShutdown.Send);

        (await RawReply.ReadAsync(socket, TimeSpan.FromSeconds(10))).Closed.ShouldBeTrue("the server closes its side once the client has closed its own");
        form.BodyText.ShouldBe("hello world");
        form.Aborted.ShouldBeFalse();
        form.StatusCode.ShouldBe(200);
        using var client = server.CreateClient();
        (await client.GetStringAsync("ok.txt")).ShouldBe("ok");
    }
}
