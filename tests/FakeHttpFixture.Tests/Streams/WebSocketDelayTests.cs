using System.Net.WebSockets;

namespace FakeHttpFixture.Tests.Streams;

/// <summary>WebSocketAction.Delay: it holds the next action back, keeps the order, and a close ends it at once.</summary>
public sealed class WebSocketDelayTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_delay_between_two_messages_sends_both_in_order()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/slow").Respond(StubResponse.WebSocket(ws => ws
            .OnConnect(WebSocketAction.Text("first"), WebSocketAction.Delay(TimeSpan.FromMilliseconds(50)), WebSocketAction.Text("second"))));
        using var client = new ClientWebSocket();

        await client.ConnectAsync(server.WebSocketUrl("slow"), Token);

        (await WebSocketTests.ReceiveTextAsync(client)).ShouldBe("first");
        (await WebSocketTests.ReceiveTextAsync(client)).ShouldBe("second");
        await client.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", Token);
    }

    [Fact]
    public async Task The_client_leaving_ends_a_long_delay()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/held").Respond(StubResponse.WebSocket(ws => ws
            .OnConnect(WebSocketAction.Text("hello"), WebSocketAction.Delay(TimeSpan.FromMinutes(3)), WebSocketAction.Text("never sent"))));
        var client = new ClientWebSocket();
        await client.ConnectAsync(server.WebSocketUrl("held"), Token);
        (await WebSocketTests.ReceiveTextAsync(client)).ShouldBe("hello");

        client.Abort();
        client.Dispose();

        // Three minutes of delay outlast this wait: the exchange completes because the client's leaving ended it.
        var held = await server.WaitForCompletionAsync(server.Requests.ShouldHaveSingleItem(), TimeSpan.FromSeconds(60), Token);
        held.ResponseAborted.ShouldBeTrue();
        held.Messages.Select(m => m.ToString()).ShouldBe(["sent text \"hello\""]);
    }

    // A close frame the client sends during a delay is read once the delay is over (the script runs, then reads), so it does
    // not end the wait: that was seen here when this test closed instead of leaving, and the member's documentation says so.

    [Fact]
    public void A_delay_describes_itself_and_refuses_a_negative_wait()
    {
        WebSocketAction.Delay(TimeSpan.FromMilliseconds(250)).ToString().ShouldBe("wait 250 ms");
        WebSocketAction.Delay(TimeSpan.FromSeconds(2)).ToString().ShouldBe("wait 2 s");
        Should.Throw<ArgumentOutOfRangeException>(() => WebSocketAction.Delay(TimeSpan.FromMilliseconds(-1)));
    }
}
