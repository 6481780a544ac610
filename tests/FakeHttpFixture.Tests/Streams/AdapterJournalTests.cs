using System.Net.ServerSentEvents;
using System.Net.WebSockets;
using System.Text;

namespace FakeHttpFixture.Tests.Streams;

/// <summary>The journal the test-framework adapters print for a failed test shows a stream's events and messages one per line.</summary>
public sealed class AdapterJournalTests
{
    private readonly Completions _completions = new();

    [Fact]
    public async Task The_adapters_journal_output_lists_events_and_messages_under_their_requests()
    {
        var token = TestContext.Current.CancellationToken;
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/events").Respond(StubResponse.EventStream(new SseItem<string>("tick") { EventId = "1" }, new SseItem<string>("tock") { EventId = "2" }));
        server.Stub(HttpMethod.Get, "/chat").Respond(StubResponse.WebSocket(ws => ws.OnMessage("hi", WebSocketAction.Text("hello"), WebSocketAction.Close(WebSocketCloseStatus.NormalClosure, "bye"))));
        using var client = server.CreateClient();
        await client.GetStringAsync("events", token);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(server.WebSocketUrl("chat"), token);
        await socket.SendAsync(Encoding.UTF8.GetBytes("hi"), WebSocketMessageType.Text, true, token);
        await socket.ReceiveAsync(new byte[16], token);
        await socket.ReceiveAsync(new byte[16], token);
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", token);
        await _completions.OfAsync(1);
        await _completions.OfAsync(2);

        var lines = AdapterServer.Report(server).Split('\n');

        lines[0].ShouldBe($"FakeHttpFixture journal of {server.BaseAddress}:");
        string[] expected =
        [
            "#1 GET /events → 200 (event stream: 2 events)",
            "id: 1  data: \"tick\"",
            "id: 2  data: \"tock\"",
            "#2 GET /chat → 101 (WebSocket: 4 messages)",
            "received text \"hi\"",
            "sent text \"hello\"",
            "sent close 1000 \"bye\"",
            "received close 1000 \"bye\"",
        ];
        lines[1..].Select(l => l.Contains(" ms  ", StringComparison.Ordinal) ? l[(l.IndexOf(" ms  ", StringComparison.Ordinal) + 5)..] : l).ShouldBe(expected);
    }
}
