using System.Net.ServerSentEvents;
using System.Net.WebSockets;
using System.Text.Json;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Streams;

/// <summary>
/// A real browser's EventSource and WebSocket against stubs, in a page the fixture serves: headless Chromium reconnects with
/// Last-Event-ID after a cut-off stream, and holds a WebSocket conversation over HTTP/1.1 and over TLS. The page posts what it
/// saw to /result, which the test waits for.
/// </summary>
public sealed class BrowserStreamTests
{
    private static readonly TimeSpan BrowserTimeout = TimeSpan.FromSeconds(90);

    private const string EventSourcePage = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>events</title></head>
        <body><script>
          const seen = [];
          const source = new EventSource('events');
          const report = () => fetch('result', { method: 'POST', body: JSON.stringify(seen) });
          source.onmessage = e => seen.push({ type: 'message', data: e.data, id: e.lastEventId });
          source.addEventListener('token', e => seen.push({ type: 'token', data: e.data, id: e.lastEventId }));
          source.addEventListener('done', e => { seen.push({ type: 'done', data: e.data, id: e.lastEventId }); source.close(); report(); });
        </script></body></html>
        """;

    private const string WebSocketPage = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>chat</title></head>
        <body><script>
          const seen = [];
          const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/chat');
          socket.binaryType = 'arraybuffer';
          socket.onopen = () => socket.send('hello');
          socket.onmessage = e => {
            seen.push(typeof e.data === 'string' ? e.data : 'binary:' + new Uint8Array(e.data).join(','));
            if (e.data === 'hi browser') socket.send(new Uint8Array([1, 2, 3]));
          };
          socket.onclose = e => fetch('result', { method: 'POST', body: JSON.stringify({ seen, code: e.code, reason: e.reason }) });
        </script></body></html>
        """;

    private sealed record SeenEvent(string Type, string Data, string Id);

    private sealed record ChatReport(string[] Seen, int Code, string Reason);

    [Fact]
    public async Task EventSource_reconnects_with_Last_Event_ID_after_a_cut_off_and_the_stub_resumes()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["index.html"] = EventSourcePage });
        server.Stub(HttpMethod.Get, "/events").Respond(StubResponse.EventStream(
            new SseItem<string>("Hel", "token") { EventId = "1", ReconnectionInterval = TimeSpan.FromMilliseconds(50) },
            new SseItem<string>("lo", "token") { EventId = "2" },
            new SseItem<string>("never sent", "token") { EventId = "3" }).BreakAfterEvents(2));
        server.Stub(HttpMethod.Get, "/events").WithLastEventId("2").Respond(StubResponse.EventStream(
            new SseItem<string>(" world", "token") { EventId = "3" },
            new SseItem<string>("[DONE]", "done")));

        await using var browser = await HeadlessChromium.OpenAsync(server.Url("index.html"));
        var result = await server.WaitForRequestAsync(r => r.Path == "/result", BrowserTimeout, TestContext.Current.CancellationToken);

        result.BodyJson<SeenEvent[]>().ShouldBe(
        [
            new("token", "Hel", "1"), new("token", "lo", "2"), new("token", " world", "3"), new("done", "[DONE]", "3"),
        ]);
        var streams = server.Requests.Where(r => r.Path == "/events").ToArray();
        streams.Select(r => r.LastEventId).ShouldBe([null, "2"]);
        streams[0].Fault.ShouldBe(ResponseFault.TruncateAfter);
        streams[0].Header("Accept").ShouldBe("text/event-stream");
        streams[1].Events.Select(e => e.Data).ShouldBe([" world", "[DONE]"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_browser_WebSocket_holds_the_scripted_conversation_and_sees_the_close(bool tls)
    {
        // Over TLS the page is loaded by a routed name and Chromium trusts the server through its SPKI pin alone (no
        // --ignore-certificate-errors), so a wrong CertificateSpkiHash fails this test.
        await using var server = HttpFixtureServer.Start(new FileTree { ["index.html"] = WebSocketPage }, o =>
        {
            if (tls)
            {
                o.UseHttps().ForHosts("chat.example.test");
            }
        });
        server.Stub(HttpMethod.Get, "/chat").Respond(StubResponse.WebSocket(ws => ws
            .OnMessage("hello", WebSocketAction.Text("hi browser"))
            .OnMessage(m => m.MessageType == WebSocketMessageType.Binary, WebSocketAction.Binary([3, 2, 1]), WebSocketAction.Close((WebSocketCloseStatus)4000, "done"))));

        var page = tls ? new Uri("https://chat.example.test/index.html") : server.Url("index.html");
        await using var browser = await HeadlessChromium.OpenAsync(page, tls ? server.GetChromiumArguments() : null);
        var result = await server.WaitForRequestAsync(r => r.Path == "/result", BrowserTimeout, TestContext.Current.CancellationToken);

        result.BodyJson<ChatReport>().ShouldBe(new ChatReport(["hi browser", "binary:3,2,1"], 4000, "done"), new ChatReportComparer());
        var chat = server.Requests.Single(r => r.Path == "/chat");
        chat.IsWebSocket.ShouldBeTrue();
        chat.Scheme.ShouldBe(tls ? "https" : "http");

        // Over TLS Chromium reuses the page's HTTP/2 connection when the server allows extended CONNECT, as Kestrel does.
        (chat.Method, chat.StatusCode).ShouldBe(chat.Protocol == "HTTP/2" ? ("CONNECT", 200) : ("GET", 101));
        chat.Header("Origin").ShouldBe(page.GetLeftPart(UriPartial.Authority));
        chat.Host.ShouldBe(page.Authority);
        var messages = await WaitForCloseAsync(chat);
        messages.Select(m => m.ToString()).ShouldBe(
        [
            "received text \"hello\"",
            "sent text \"hi browser\"",
            "received binary 3 B 010203",
            "sent binary 3 B 030201",
            "sent close 4000 \"done\"",
            "received close 4000 \"done\"",
        ]);
    }

    // The page reports on its close event, which may come just before the server has recorded the browser's close frame.
    private static async Task<IReadOnlyList<WebSocketMessage>> WaitForCloseAsync(RecordedRequest chat)
    {
        await chat.WaitForMessageAsync(m => m.Direction == WebSocketDirection.Received && m.MessageType == WebSocketMessageType.Close, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        return chat.Messages;
    }

    private sealed class ChatReportComparer : IEqualityComparer<ChatReport>
    {
        public bool Equals(ChatReport? x, ChatReport? y) =>
            x is not null && y is not null && x.Seen.SequenceEqual(y.Seen) && x.Code == y.Code && x.Reason == y.Reason;

        public int GetHashCode(ChatReport obj) => obj.Code;
    }
}
