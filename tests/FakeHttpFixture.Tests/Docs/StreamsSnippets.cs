using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace FakeHttpFixture.Tests.Docs;

/// <summary>The code of docs/streams.md, run as tests so the page cannot drift from the API.</summary>
public sealed class StreamsSnippets
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_streamed_completion()
    {
        await using var server = HttpFixtureServer.Start();
        server.Stub(HttpMethod.Post, "/v1/chat/completions")
            .WithJsonBody<CompletionRequest>(r => r.Stream)
            .Respond(StubResponse.EventStream(
                    Delta("The"), Delta(" answer"), Delta(" is"), Delta(" 42."),
                    new SseItem<string>("[DONE]"))
                .WithEventDelay(0, TimeSpan.FromMilliseconds(300))     // a slow first token
                .WithEventInterval(TimeSpan.FromMilliseconds(20)));    // then one every 20 ms
        var completions = new CompletionClient(server.CreateClient());

        var text = await completions.CompleteAsync("What is the answer?");   // the code under test

        text.ShouldBe("The answer is 42.");
        var request = server.ShouldHaveReceived(HttpMethod.Post, "/v1/chat/completions");
        request.BodyJson<CompletionRequest>()!.Prompt.ShouldBe("What is the answer?");
        request.Events.Select(e => e.Data).Last().ShouldBe("[DONE]");
    }

    // One chunk of an OpenAI-style streamed completion.
    private static SseItem<string> Delta(string token) =>
        new(JsonSerializer.Serialize(new { choices = new[] { new { delta = new { content = token } } } }));

    [Fact]
    public async Task A_reconnect_with_Last_Event_ID()
    {
        await using var server = HttpFixtureServer.Start();
        server.Stub(HttpMethod.Get, "/notifications")
            .Respond(StubResponse.EventStream(
                    new SseItem<string>("invoice paid") { EventId = "1" },
                    new SseItem<string>("invoice sent") { EventId = "2" },
                    new SseItem<string>("lost in the cut") { EventId = "3" })
                .BreakAfterEvents(2));                                   // the connection dies after event 2
        server.Stub(HttpMethod.Get, "/notifications")
            .WithLastEventId("2")                                        // the reconnect says where it stopped
            .Respond(StubResponse.EventStream(new SseItem<string>("invoice refunded") { EventId = "3" }));
        var listener = new NotificationListener(server.CreateClient());

        var received = await listener.ReadAsync(count: 3);               // the code under test reconnects on its own

        received.ShouldBe(["invoice paid", "invoice sent", "invoice refunded"]);
        server.Requests.Select(r => r.LastEventId).ShouldBe([null, "2"]);
        server.Requests[0].Fault.ShouldBe(ResponseFault.TruncateAfter);
    }

    [Fact]
    public async Task Events_sent_by_the_test()
    {
        await using var server = HttpFixtureServer.Start();
        var feed = new EventStreamFeed();
        server.Stub(HttpMethod.Get, "/prices").Respond(StubResponse.EventStream(feed).WithKeepAlive(TimeSpan.FromSeconds(15)));
        using var client = server.CreateClient();
        await using var prices = await client.GetStreamAsync("prices");

        await feed.WaitForStreamAsync();                        // the client is listening
        await feed.SendAsync(new SseItem<string>("101.5", "price") { EventId = "7" });
        await feed.BreakAsync();                                // …and then the stream is cut off

        var parser = SseParser.Create(prices);
        await Should.ThrowAsync<IOException>(async () => await parser.EnumerateAsync().ToListAsync());
        parser.LastEventId.ShouldBe("7");
    }

    [Fact]
    public async Task A_chat_over_a_websocket_asserted_from_the_journal()
    {
        await using var server = HttpFixtureServer.Start();
        server.Stub(HttpMethod.Get, "/chat").Respond(StubResponse.WebSocket(ws => ws
            .OnConnect(WebSocketAction.Text("""{"type":"welcome"}"""))
            .OnMessage(m => m.Text.Contains("\"hello\""), WebSocketAction.Text("""{"type":"reply","text":"hi!"}"""))
            .OnMessage(m => m.Text.Contains("\"bye\""), WebSocketAction.Close(WebSocketCloseStatus.NormalClosure, "see you"))));
        var chat = new ChatClient(server.WebSocketUrl("chat"));

        var replies = await chat.TalkAsync("hello", "bye");       // the code under test

        replies.ShouldBe(["""{"type":"welcome"}""", """{"type":"reply","text":"hi!"}"""]);
        var upgrade = await server.WaitForRequestAsync(r => r.IsWebSocket);
        var sent = await upgrade.WaitForMessageAsync(m => m.Direction == WebSocketDirection.Received && m.Text.Contains("\"bye\""));
        JsonDocument.Parse(sent.Text).RootElement.GetProperty("user").GetString().ShouldBe("ada");
        upgrade.Messages.Select(m => m.ToString()).ShouldBe(
        [
            "sent text \"{\\\"type\\\":\\\"welcome\\\"}\"",
            "received text \"{\\\"type\\\":\\\"hello\\\",\\\"user\\\":\\\"ada\\\"}\"",
            "sent text \"{\\\"type\\\":\\\"reply\\\",\\\"text\\\":\\\"hi!\\\"}\"",
            "received text \"{\\\"type\\\":\\\"bye\\\",\\\"user\\\":\\\"ada\\\"}\"",
            "sent close 1000 \"see you\"",
            "received close 1000 \"see you\"",
        ]);
    }

    [Fact]
    public async Task Messages_sent_by_the_test_and_faults()
    {
        await using var server = HttpFixtureServer.Start();
        var feed = new WebSocketFeed();
        server.Stub(HttpMethod.Get, "/live").Respond(StubResponse.WebSocket(ws => ws
            .UseFeed(feed)
            .OnMessage("ping", WebSocketAction.Text("pong"))));
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(server.WebSocketUrl("live"), CancellationToken.None);

        await feed.WaitForConnectionAsync();
        await feed.SendTextAsync("""{"price":101.5}""");              // whenever the test says
        await feed.SendAsync(WebSocketAction.CloseMidMessage("""{"price":102.0}""", bytesSent: 5));

        var buffer = new byte[64];
        (await socket.ReceiveAsync(buffer, CancellationToken.None)).Count.ShouldBe(15);
        (await socket.ReceiveAsync(buffer, CancellationToken.None)).EndOfMessage.ShouldBeFalse();
        await Should.ThrowAsync<WebSocketException>(() => socket.ReceiveAsync(buffer, CancellationToken.None));
        var upgrade = server.Requests.Single();
        upgrade.Messages[^1].EndOfMessage.ShouldBeFalse();
    }

    [Fact]
    public async Task The_journal_shows_streams_line_by_line()
    {
        await using var server = HttpFixtureServer.Start();
        server.Stub(HttpMethod.Get, "/chat").Respond(StubResponse.WebSocket(ws => ws.Echo()));
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(server.WebSocketUrl("chat"), Token);
        await socket.SendAsync(Encoding.UTF8.GetBytes("hello"), WebSocketMessageType.Text, true, Token);
        await socket.ReceiveAsync(new byte[16], Token);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", Token);
        await server.Requests[0].WaitForMessageAsync(m => m.MessageType == WebSocketMessageType.Close && m.Direction == WebSocketDirection.Sent, cancellationToken: Token);

        var summary = System.Text.RegularExpressions.Regex.Replace(server.JournalSummary(), @"\+ *\d+\.\d ms", "+T ms");

        summary.ShouldBe("""
            #1 GET /chat → 101 (WebSocket: 4 messages)
                +T ms  received text "hello"
                +T ms  sent text "hello"
                +T ms  received close 1000 "bye"
                +T ms  sent close 1000 "bye"

            """.ReplaceLineEndings("\n"));
    }

    private sealed record CompletionRequest(string Model, string Prompt, bool Stream);

    /// <summary>Code under test: asks for a streamed completion and joins the tokens, as an LLM SDK does.</summary>
    private sealed class CompletionClient(HttpClient http)
    {
        public async Task<string> CompleteAsync(string prompt)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
            {
                Content = JsonContent.Create(new CompletionRequest("gpt-test", prompt, Stream: true)),
            };
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            var text = new StringBuilder();
            await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync()).EnumerateAsync())
            {
                if (item.Data == "[DONE]")
                {
                    break;
                }

                using var chunk = JsonDocument.Parse(item.Data);
                text.Append(chunk.RootElement.GetProperty("choices")[0].GetProperty("delta").GetProperty("content").GetString());
            }

            return text.ToString();
        }
    }

    /// <summary>Code under test: listens to notifications and, like a browser's EventSource, resumes after a broken stream.</summary>
    private sealed class NotificationListener(HttpClient http)
    {
        public async Task<List<string>> ReadAsync(int count)
        {
            var received = new List<string>();
            string? lastEventId = null;
            while (received.Count < count)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "notifications");
                if (lastEventId is not null)
                {
                    request.Headers.Add("Last-Event-ID", lastEventId);
                }

                try
                {
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                    var parser = SseParser.Create(await response.Content.ReadAsStreamAsync());
                    await foreach (var item in parser.EnumerateAsync())
                    {
                        received.Add(item.Data);
                        lastEventId = parser.LastEventId;
                    }
                }
                catch (IOException)
                {
                    // The stream broke: reconnect, saying which event came last.
                }
            }

            return received;
        }
    }

    /// <summary>Code under test: a chat client that says each line and collects what the server says back until it closes.</summary>
    private sealed class ChatClient(Uri url)
    {
        public async Task<List<string>> TalkAsync(params string[] lines)
        {
            using var socket = new ClientWebSocket();
            await socket.ConnectAsync(url, CancellationToken.None);
            var replies = new List<string>();
            var buffer = new byte[4096];
            var receiving = Task.Run(async () =>
            {
                while (true)
                {
                    var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, socket.CloseStatusDescription, CancellationToken.None);
                        return;
                    }

                    lock (replies)
                    {
                        replies.Add(Encoding.UTF8.GetString(buffer, 0, result.Count));
                    }
                }
            });
            foreach (var line in lines)
            {
                var json = JsonSerializer.Serialize(new { type = line, user = "ada" });
                await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
            }

            await receiving;
            return replies;
        }
    }
}
