using System.Net.ServerSentEvents;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;

namespace FakeHttpFixture.Tests.Streams;

/// <summary>What a stream's own code throws is reported by Verify; a server disposed under open streams ends them and records it.</summary>
public sealed class StreamFailureTests
{
    private readonly Completions _completions = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_event_sequence_that_throws_breaks_the_stream_and_fails_Verify()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/events").Respond(StubResponse.EventStream(Failing()));
        using var client = server.CreateClient();

        using var response = await client.GetAsync("events", HttpCompletionOption.ResponseHeadersRead, Token);
        var received = new List<string>();
        await Should.ThrowAsync<IOException>(async () =>
        {
            await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync(Token)).EnumerateAsync(Token))
            {
                received.Add(item.Data);
            }
        });

        received.ShouldBe(["before"]);
        (await _completions.OfAsync(1)).ResponseAborted.ShouldBeTrue();
        var ex = Should.Throw<HttpFixtureVerificationException>(server.Verify);
        ex.Message.ShouldContain("InvalidOperationException: the feed of prices failed");
    }

    [Fact]
    public async Task A_reply_that_throws_breaks_the_websocket_and_fails_Verify()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/chat").Respond(StubResponse.WebSocket(ws => ws
            .OnMessage(_ => true, m => throw new FormatException($"cannot answer {m.Text}"))));
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(server.WebSocketUrl("chat"), Token);

        await socket.SendAsync(Encoding.UTF8.GetBytes("hello"), WebSocketMessageType.Text, true, Token);
        await Should.ThrowAsync<WebSocketException>(() => socket.ReceiveAsync(new byte[16], Token));

        (await _completions.OfAsync(1)).ResponseAborted.ShouldBeTrue();
        Should.Throw<HttpFixtureVerificationException>(server.Verify).Message.ShouldContain("FormatException: cannot answer hello");
    }

    [Fact]
    public async Task Disposing_the_server_ends_open_streams_and_records_them_as_broken_off()
    {
        var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        var feed = new EventStreamFeed();
        server.Stub(HttpMethod.Get, "/events").Respond(StubResponse.EventStream(feed));
        server.Stub(HttpMethod.Get, "/chat").Respond(StubResponse.WebSocket(ws => ws.Echo()));
        using var client = server.CreateClient();
        using var events = await client.GetAsync("events", HttpCompletionOption.ResponseHeadersRead, Token);
        await feed.WaitForStreamAsync(cancellationToken: Token);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(server.WebSocketUrl("chat"), Token);
        var stream = server.Requests[0];
        var chat = server.Requests[1];

        await server.DisposeAsync();

        await Should.ThrowAsync<WebSocketException>(() => socket.ReceiveAsync(new byte[16], Token));
        await Should.ThrowAsync<IOException>(async () => await (await events.Content.ReadAsStreamAsync(Token)).CopyToAsync(Stream.Null, Token));
        stream.ResponseAborted.ShouldBeTrue();
        chat.ResponseAborted.ShouldBeTrue();
        chat.Duration.ShouldBeGreaterThan(TimeSpan.Zero);
    }

    private static async IAsyncEnumerable<SseItem<string>> Failing([EnumeratorCancellation] CancellationToken token = default)
    {
        yield return new SseItem<string>("before");
        // After the first event has gone out: the failure comes mid-stream, not before the headers.
        await Task.Yield();
        token.ThrowIfCancellationRequested();
        throw new InvalidOperationException("the feed of prices failed");
    }
}
