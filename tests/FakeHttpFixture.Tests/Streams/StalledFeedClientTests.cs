using System.Net.ServerSentEvents;
using System.Net.Sockets;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Streams;

/// <summary>A client that stops reading an event stream is broken off after EventStreamFeed.SendTimeout, so sends go on for the others.</summary>
public sealed class StalledFeedClientTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stalled_client_is_broken_off_and_the_sends_go_on_for_the_reading_one()
    {
        var feed = new EventStreamFeed { SendTimeout = TimeSpan.FromMilliseconds(500) };
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/events").Respond(StubResponse.EventStream(feed), times: 2);

        // The stalled client: a socket that asks for the stream and never reads a byte.
        using var stalled = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096 };
        await stalled.ConnectAsync("127.0.0.1", server.Port, Token);
        await RawHttp.SendAsync(stalled, "GET /events HTTP/1.1\r\nHost: x\r\n\r\n");
        await feed.WaitForStreamAsync(TimeSpan.FromSeconds(30), Token);

        using var client = server.CreateClient();
        using var response = await client.GetAsync("events", HttpCompletionOption.ResponseHeadersRead, Token);
        var received = 0;
        var reading = Task.Run(
            async () =>
            {
                await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync(Token)).EnumerateAsync(Token))
                {
                    received++;
                }
            },
            Token);

        var big = new string('x', 1024 * 1024);
        const int Events = 24;
        for (var i = 0; i < Events; i++)
        {
            // Without a bound this send would wait for the stalled client for ever, once its buffers are full.
            await feed.SendAsync(new SseItem<string>(big), Token).WaitAsync(TimeSpan.FromSeconds(60), Token);
        }

        feed.Complete();
        await reading.WaitAsync(TimeSpan.FromSeconds(60), Token);

        received.ShouldBe(Events);
        var stalledRequest = await server.WaitForCompletionAsync(server.Requests[0], TimeSpan.FromSeconds(30), Token);
        stalledRequest.ResponseAborted.ShouldBeTrue();
        stalledRequest.Events.Count.ShouldBeLessThan(Events);
    }
}
