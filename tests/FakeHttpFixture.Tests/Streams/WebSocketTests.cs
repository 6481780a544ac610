using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace FakeHttpFixture.Tests.Streams;

/// <summary>WebSocket stubs as .NET's ClientWebSocket sees them, over HTTP/1.1, TLS and HTTP/2, with every message in the journal.</summary>
public sealed class WebSocketTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
    private readonly Completions _completions = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_scripted_conversation_greets_replies_by_predicate_and_closes_with_the_client()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/chat").Respond(StubResponse.WebSocket(ws => ws
            .OnConnect(WebSocketAction.Text("welcome"))
            .OnMessage("ping", WebSocketAction.Text("pong"))
            .OnMessage(m => m.MessageType == WebSocketMessageType.Binary, m => WebSocketAction.Binary([.. m.Payload.Reverse()]))
            .OnMessage(m => m.Text.StartsWith("shout ", StringComparison.Ordinal), m => WebSocketAction.Text(m.Text[6..].ToUpperInvariant()))));
        using var client = new ClientWebSocket();

        await client.ConnectAsync(server.WebSocketUrl("chat"), Token);
        (await ReceiveTextAsync(client)).ShouldBe("welcome");
        await SendTextAsync(client, "ping");
        (await ReceiveTextAsync(client)).ShouldBe("pong");
        await client.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, Token);
        (await ReceiveBinaryAsync(client)).ShouldBe([3, 2, 1]);
        await SendTextAsync(client, "shout hello");
        (await ReceiveTextAsync(client)).ShouldBe("HELLO");
        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", Token);

        client.CloseStatus.ShouldBe(WebSocketCloseStatus.NormalClosure);
        client.CloseStatusDescription.ShouldBe("done");
        var upgrade = await _completions.OfAsync(1);
        upgrade.IsWebSocket.ShouldBeTrue();
        upgrade.StatusCode.ShouldBe(101);
        upgrade.ResponseHeaders["Upgrade"].ShouldBe(["websocket"]);
        upgrade.ResponseAborted.ShouldBeFalse();
        upgrade.Messages.Select(m => m.ToString()).ShouldBe(
        [
            "sent text \"welcome\"",
            "received text \"ping\"",
            "sent text \"pong\"",
            "received binary 3 B 010203",
            "sent binary 3 B 030201",
            "received text \"shout hello\"",
            "sent text \"HELLO\"",
            "received close 1000 \"done\"",
            "sent close 1000 \"done\"",
        ]);
        upgrade.Messages.Select(m => m.Timestamp).ShouldBeInOrder();
        upgrade.ToString().ShouldBe("#1 GET /chat → 101 (WebSocket: 9 messages)");
    }

    [Fact]
    public async Task Waiting_for_a_message_returns_what_the_client_sent_when_it_arrives()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/events").Respond(StubResponse.WebSocket(ws => ws.Echo()));
        using var client = new ClientWebSocket();
        await client.ConnectAsync(server.WebSocketUrl("events"), Token);
        var upgrade = await server.WaitForRequestAsync(r => r.Path == "/events", cancellationToken: Token);

        var waiting = upgrade.WaitForMessageAsync(m => m.Direction == WebSocketDirection.Received && m.Text.Contains("subscribe", StringComparison.Ordinal), Generous, Token);
        waiting.IsCompleted.ShouldBeFalse();
        await SendTextAsync(client, """{"op":"subscribe","topic":"prices"}""");
        var subscribe = await waiting;

        JsonDocument.Parse(subscribe.Text).RootElement.GetProperty("topic").GetString().ShouldBe("prices");
        (await ReceiveTextAsync(client)).ShouldBe("""{"op":"subscribe","topic":"prices"}""");
        (await upgrade.WaitForMessageAsync(m => m.Direction == WebSocketDirection.Sent, Generous, Token)).Text.ShouldBe(subscribe.Text);
    }

    [Fact]
    public async Task The_server_closes_with_a_code_and_reason_when_the_script_says()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/chat").Respond(StubResponse.WebSocket(ws => ws
            .OnMessage("bye", WebSocketAction.Text("see you"), WebSocketAction.Close((WebSocketCloseStatus)4001, "session over"), WebSocketAction.Text("never sent"))));
        using var client = new ClientWebSocket();
        await client.ConnectAsync(server.WebSocketUrl("chat"), Token);

        await SendTextAsync(client, "bye");
        (await ReceiveTextAsync(client)).ShouldBe("see you");
        var close = await client.ReceiveAsync(new byte[16], Token);
        close.MessageType.ShouldBe(WebSocketMessageType.Close);
        client.CloseStatus.ShouldBe((WebSocketCloseStatus)4001);
        client.CloseStatusDescription.ShouldBe("session over");
        await client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, Token);

        var upgrade = await _completions.OfAsync(1);
        upgrade.Messages.Select(m => m.ToString()).ShouldBe(["received text \"bye\"", "sent text \"see you\"", "sent close 4001 \"session over\"", "received close 1000"]);
        upgrade.Messages[2].CloseStatus.ShouldBe((WebSocketCloseStatus)4001);
        upgrade.Fault.ShouldBe(ResponseFault.None);
    }

    [Fact]
    public async Task An_abort_resets_the_connection_and_the_client_sees_the_socket_fail()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/chat").Respond(StubResponse.WebSocket(ws => ws.OnMessage("crash", WebSocketAction.Abort())));
        using var client = new ClientWebSocket();
        await client.ConnectAsync(server.WebSocketUrl("chat"), Token);

        await SendTextAsync(client, "crash");
        var ex = await Should.ThrowAsync<WebSocketException>(() => client.ReceiveAsync(new byte[16], Token));

        ex.WebSocketErrorCode.ShouldBe(WebSocketError.ConnectionClosedPrematurely);
        var upgrade = await _completions.OfAsync(1);
        upgrade.Fault.ShouldBe(ResponseFault.ResetConnection);
        upgrade.ResponseAborted.ShouldBeTrue();
        upgrade.ToString().ShouldBe("#1 GET /chat → 101 (WebSocket: 1 message) [ResetConnection]");
    }

    [Fact]
    public async Task A_close_in_the_middle_of_a_message_delivers_the_first_part_then_breaks()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/chat").Respond(StubResponse.WebSocket(ws => ws.OnConnect(WebSocketAction.CloseMidMessage("""{"price": 12.5, "currency": "EUR"}""", 10))));
        using var client = new ClientWebSocket();
        await client.ConnectAsync(server.WebSocketUrl("chat"), Token);

        var buffer = new byte[64];
        var first = await client.ReceiveAsync(buffer, Token);
        first.EndOfMessage.ShouldBeFalse();
        Encoding.UTF8.GetString(buffer, 0, first.Count).ShouldBe("""{"price": """);
        var ex = await Should.ThrowAsync<WebSocketException>(() => client.ReceiveAsync(buffer, Token));

        ex.WebSocketErrorCode.ShouldBe(WebSocketError.ConnectionClosedPrematurely);
        var upgrade = await _completions.OfAsync(1);
        upgrade.Fault.ShouldBe(ResponseFault.TruncateAfter);
        var part = upgrade.Messages.ShouldHaveSingleItem();
        part.EndOfMessage.ShouldBeFalse();
        part.Text.ShouldBe("""{"price": """);
        part.ToString().ShouldBe("sent text \"{\\\"price\\\": \" (cut off)");
    }

    [Fact]
    public async Task A_feed_sends_whenever_the_test_says_beside_the_scripted_replies()
    {
        var feed = new WebSocketFeed();
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/live").Respond(StubResponse.WebSocket(ws => ws.UseFeed(feed).OnMessage("ping", WebSocketAction.Text("pong"))));
        using var client = new ClientWebSocket();
        await client.ConnectAsync(server.WebSocketUrl("live"), Token);
        await feed.WaitForConnectionAsync(Generous, Token);
        feed.OpenConnections.ShouldBe(1);

        await feed.SendTextAsync("price 1", Token);
        (await ReceiveTextAsync(client)).ShouldBe("price 1");
        await SendTextAsync(client, "ping");
        (await ReceiveTextAsync(client)).ShouldBe("pong");
        await feed.SendBinaryAsync([42], Token);
        (await ReceiveBinaryAsync(client)).ShouldBe([42]);
        await feed.SendAsync(WebSocketAction.Close(WebSocketCloseStatus.EndpointUnavailable, "maintenance"), Token);
        (await client.ReceiveAsync(new byte[16], Token)).MessageType.ShouldBe(WebSocketMessageType.Close);
        client.CloseStatusDescription.ShouldBe("maintenance");
        await client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, Token);

        var upgrade = await _completions.OfAsync(1);
        upgrade.Messages.Where(m => m.Direction == WebSocketDirection.Sent).Select(m => m.ToString())
            .ShouldBe(["sent text \"price 1\"", "sent text \"pong\"", "sent binary 1 B 2a", "sent close 1001 \"maintenance\""]);
        feed.OpenConnections.ShouldBe(0);
    }

    [Fact]
    public async Task A_feed_can_break_the_connection_while_the_server_waits_for_the_client()
    {
        var feed = new WebSocketFeed();
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/live").Respond(StubResponse.WebSocket(ws => ws.UseFeed(feed)));
        using var client = new ClientWebSocket();
        await client.ConnectAsync(server.WebSocketUrl("live"), Token);

        await feed.SendAsync(WebSocketAction.CloseMidMessage([1, 2, 3, 4], 2), Token);
        var buffer = new byte[8];
        (await client.ReceiveAsync(buffer, Token)).Count.ShouldBe(2);
        await Should.ThrowAsync<WebSocketException>(() => client.ReceiveAsync(buffer, Token));

        (await _completions.OfAsync(1)).Fault.ShouldBe(ResponseFault.TruncateAfter);
    }

    [Fact]
    public async Task A_plain_request_to_a_websocket_stub_gets_426()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/chat").Respond(StubResponse.WebSocket(ws => ws.Echo()));
        using var client = server.CreateClient();

        using var response = await client.GetAsync("chat", Token);

        response.StatusCode.ShouldBe(HttpStatusCode.UpgradeRequired);
        response.Headers.Upgrade.ToString().ShouldBe("websocket");
        server.Requests[0].IsWebSocket.ShouldBeFalse();
    }

    [Fact]
    public async Task A_status_on_a_websocket_stub_refuses_the_handshake()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/chat").Respond(StubResponse.WebSocket(ws => ws.Echo()).WithStatus(401).WithHeader("WWW-Authenticate", "Bearer"));
        using var client = new ClientWebSocket();
        client.Options.CollectHttpResponseDetails = true;

        await Should.ThrowAsync<WebSocketException>(() => client.ConnectAsync(server.WebSocketUrl("chat"), Token));

        client.HttpStatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        server.Requests[0].StatusCode.ShouldBe(401);
    }

    [Fact]
    public async Task The_subprotocol_the_script_accepts_is_chosen_when_the_client_offers_it()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/graphql").Respond(StubResponse.WebSocket(ws => ws.AcceptSubProtocol("graphql-transport-ws").Echo()));
        using var client = new ClientWebSocket();
        client.Options.AddSubProtocol("graphql-transport-ws");

        await client.ConnectAsync(server.WebSocketUrl("graphql"), Token);

        client.SubProtocol.ShouldBe("graphql-transport-ws");
        server.Requests[0].ResponseHeaders["Sec-WebSocket-Protocol"].ShouldBe(["graphql-transport-ws"]);
    }

    [Fact]
    public async Task Wss_over_http1_echoes_through_the_handler_the_server_hands_out()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o =>
        {
            o.UseHttps();
            _completions.Configure(o);
        });
        server.Stub(HttpMethod.Get, "/echo").Respond(StubResponse.WebSocket(ws => ws.Echo()));
        using var invoker = new HttpMessageInvoker(server.CreateHandler());
        using var client = new ClientWebSocket();

        await client.ConnectAsync(server.WebSocketUrl("echo"), invoker, Token);
        await SendTextAsync(client, "over tls");
        (await ReceiveTextAsync(client)).ShouldBe("over tls");
        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, null, Token);

        var upgrade = await _completions.OfAsync(1);
        upgrade.Scheme.ShouldBe("https");
        upgrade.Protocol.ShouldBe("HTTP/1.1");
        upgrade.StatusCode.ShouldBe(101);
        upgrade.Messages.Count.ShouldBe(4);
    }

    [Fact]
    public async Task Wss_over_http2_uses_an_extended_connect_and_records_the_same_messages()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o =>
        {
            o.UseHttps();
            _completions.Configure(o);
        });
        server.Stub(HttpMethod.Get, "/echo").Respond(StubResponse.WebSocket(ws => ws.OnConnect(WebSocketAction.Text("h2")).Echo()));
        using var invoker = new HttpMessageInvoker(server.CreateHandler());
        using var client = new ClientWebSocket();
        client.Options.HttpVersion = HttpVersion.Version20;
        client.Options.HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact;

        await client.ConnectAsync(server.WebSocketUrl("echo"), invoker, Token);
        (await ReceiveTextAsync(client)).ShouldBe("h2");
        await SendTextAsync(client, "over h2");
        (await ReceiveTextAsync(client)).ShouldBe("over h2");
        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, null, Token);

        var upgrade = await _completions.OfAsync(1);
        upgrade.Method.ShouldBe("CONNECT");
        upgrade.Protocol.ShouldBe("HTTP/2");
        upgrade.StatusCode.ShouldBe(200);
        upgrade.IsWebSocket.ShouldBeTrue();
        upgrade.Messages.Select(m => m.Text).ShouldBe(["h2", "over h2", "over h2", string.Empty, string.Empty]);
    }

    [Fact]
    public async Task The_har_carries_the_messages_the_way_Chromium_writes_them()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/chat").Respond(StubResponse.WebSocket(ws => ws.OnConnect(WebSocketAction.Text("hi")).Echo()));
        using var client = new ClientWebSocket();
        await client.ConnectAsync(server.WebSocketUrl("chat"), Token);
        (await ReceiveTextAsync(client)).ShouldBe("hi");
        await client.SendAsync(new byte[] { 0, 255 }, WebSocketMessageType.Binary, true, Token);
        (await ReceiveBinaryAsync(client)).ShouldBe([0, 255]);
        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", Token);
        var upgrade = await _completions.OfAsync(1);
        using var temp = new Support.TempDirectory();
        var path = System.IO.Path.Combine(temp.Path, "ws.har");

        server.SaveHar(path);

        using var har = JsonDocument.Parse(await File.ReadAllTextAsync(path, Token));
        var entry = har.RootElement.GetProperty("log").GetProperty("entries")[0];
        entry.GetProperty("_resourceType").GetString().ShouldBe("websocket");
        entry.GetProperty("response").GetProperty("status").GetInt32().ShouldBe(101);
        var messages = entry.GetProperty("_webSocketMessages").EnumerateArray().ToArray();
        messages.Select(m => (m.GetProperty("type").GetString(), m.GetProperty("opcode").GetInt32(), m.GetProperty("data").GetString())).ShouldBe(
        [
            ("receive", 1, "hi"),
            ("send", 2, "AP8="),
            ("receive", 2, "AP8="),
            ("send", 8, "A+hieWU="),
            ("receive", 8, "A+hieWU="),
        ]);
        var time = messages[0].GetProperty("time").GetDouble();
        DateTimeOffset.UnixEpoch.AddSeconds(time).ShouldBe(upgrade.Messages[0].Timestamp, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task The_journal_summary_lists_each_message_under_its_request()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/chat").Respond(StubResponse.WebSocket(ws => ws.OnMessage("hello", WebSocketAction.Text("hi there"))));
        using var client = new ClientWebSocket();
        await client.ConnectAsync(server.WebSocketUrl("chat"), Token);
        await SendTextAsync(client, "hello");
        (await ReceiveTextAsync(client)).ShouldBe("hi there");
        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, null, Token);
        await _completions.OfAsync(1);

        var lines = server.JournalSummary().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines[0].ShouldBe("#1 GET /chat → 101 (WebSocket: 4 messages)");
        lines[1..].Select(l => l[(l.IndexOf(" ms  ", StringComparison.Ordinal) + 5)..]).ShouldBe(["received text \"hello\"", "sent text \"hi there\"", "received close 1000", "sent close 1000"]);
        lines[1..].ShouldAllBe(l => l.StartsWith("    +", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Waiting_for_a_message_on_a_closed_websocket_fails_at_once_with_what_crossed()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/chat").Respond(StubResponse.WebSocket(ws => ws.Echo()));
        using var client = new ClientWebSocket();
        await client.ConnectAsync(server.WebSocketUrl("chat"), Token);
        await SendTextAsync(client, "one");
        await ReceiveTextAsync(client);
        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, null, Token);
        var upgrade = await _completions.OfAsync(1);

        var ex = await Should.ThrowAsync<HttpFixtureAssertionException>(() => upgrade.WaitForMessageAsync(m => m.Text == "two", Generous, Token));

        ex.Message.ShouldBe("The WebSocket of #1 GET /chat closed without a matching message. 4 crossed:\n  1. received text \"one\"\n  2. sent text \"one\"\n  3. received close 1000\n  4. sent close 1000");
    }

    [Fact]
    public async Task Waiting_for_a_message_that_does_not_come_times_out_naming_what_crossed()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/chat").Respond(StubResponse.WebSocket(ws => ws.OnConnect(WebSocketAction.Text("hello"))));
        using var client = new ClientWebSocket();
        await client.ConnectAsync(server.WebSocketUrl("chat"), Token);
        (await ReceiveTextAsync(client)).ShouldBe("hello");
        var upgrade = server.Requests[0];

        var ex = await Should.ThrowAsync<TimeoutException>(() => upgrade.WaitForMessageAsync(m => m.Direction == WebSocketDirection.Received, TimeSpan.FromMilliseconds(100), Token));

        ex.Message.ShouldBe("No WebSocket message of #1 GET /chat matched within 100 ms. 1 crossed:\n  1. sent text \"hello\"");
    }

    internal static Task SendTextAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, Token);

    internal static async Task<string> ReceiveTextAsync(WebSocket socket)
    {
        var (type, payload) = await ReceiveAsync(socket);
        type.ShouldBe(WebSocketMessageType.Text);
        return Encoding.UTF8.GetString(payload);
    }

    internal static async Task<byte[]> ReceiveBinaryAsync(WebSocket socket)
    {
        var (type, payload) = await ReceiveAsync(socket);
        type.ShouldBe(WebSocketMessageType.Binary);
        return payload;
    }

    internal static async Task<(WebSocketMessageType, byte[])> ReceiveAsync(WebSocket socket)
    {
        var message = new MemoryStream();
        var buffer = new byte[4096];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(), Token).AsTask().WaitAsync(Generous, Token);
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return (result.MessageType, message.ToArray());
            }
        }
    }
}
