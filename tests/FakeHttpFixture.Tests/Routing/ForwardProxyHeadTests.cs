using System.Net.Sockets;
using System.Net.WebSockets;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Routing;

/// <summary>
/// The forward proxy answers every head it is sent, in time: bare-LF lines get 400, a head that never ends gets 408, a URL with
/// user information is refused, and the Host a request reaches is the URL's, the one the route was checked for.
/// </summary>
public sealed class ForwardProxyHeadTests
{
    [Fact]
    public async Task A_head_with_bare_LF_line_endings_gets_400_at_once()
    {
        await using var server = Start();

        var answer = await ExchangeAsync(server, "GET http://api.example.com/ HTTP/1.1\nHost: api.example.com\n\n");

        answer.ShouldStartWith("HTTP/1.1 400 Bad Request");
        answer.ShouldContain("bare LF; HTTP/1.1 needs CRLF");
    }

    [Fact]
    public async Task A_head_that_never_ends_gets_408()
    {
        await using var server = Start(o => o.ForwardProxyHeadTimeout = TimeSpan.FromMilliseconds(300));

        var answer = await ExchangeAsync(server, "GET http://api.example.com/ HTTP/1.1\r\nHost: api.example.com\r\n");

        answer.ShouldStartWith("HTTP/1.1 408 Request Timeout");
        answer.ShouldContain("got no whole request head within");
    }

    [Fact]
    public async Task A_url_with_user_information_is_refused()
    {
        await using var server = Start();

        var answer = await ExchangeAsync(server, "GET http://x@a.example.com/ HTTP/1.1\r\nHost: evil.com\r\n\r\n");

        answer.ShouldStartWith("HTTP/1.1 400 Bad Request");
        answer.ShouldContain("carries user information");
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_request_reaches_the_host_its_url_names_whatever_its_Host_line_says()
    {
        await using var server = Start();
        server.Stub(HttpMethod.Get, "http://a.example.com/p").Respond(StubResponse.Text("routed"));

        var answer = await ExchangeAsync(server, "GET http://a.example.com/p HTTP/1.1\r\nHost: evil.com\r\n\r\n");

        answer.ShouldStartWith("HTTP/1.1 200");
        answer.ShouldEndWith("routed");
        server.Requests.ShouldHaveSingleItem().Host.ShouldBe("a.example.com");
    }

    [Fact]
    public async Task A_CONNECT_to_an_IP_address_is_refused_with_advice_that_works()
    {
        await using var server = Start();

        var answer = await ExchangeAsync(server, "CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n");

        answer.ShouldStartWith("HTTP/1.1 403 127.0.0.1 is not routed by FakeHttpFixture");
        answer.ShouldContain("127.0.0.1 is an IP address, which ForHosts does not route");
        answer.ShouldNotContain("ForHosts(\"127.0.0.1\")");
    }

    [Theory]
    [InlineData(1004)]
    [InlineData(1006)]
    [InlineData(1015)]
    [InlineData(1016)]
    [InlineData(2999)]
    public void WebSocketAction_Close_refuses_a_status_RFC_6455_reserves(int status)
    {
        var ex = Should.Throw<ArgumentException>(() => WebSocketAction.Close((WebSocketCloseStatus)status));

        ex.Message.ShouldStartWith($"A close frame cannot carry the status {status}: RFC 6455 (section 7.4.1) reserves it.");
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(1014)]
    [InlineData(3000)]
    [InlineData(4999)]
    public void WebSocketAction_Close_takes_a_status_a_close_frame_may_carry(int status) =>
        WebSocketAction.Close((WebSocketCloseStatus)status).ToString().ShouldStartWith($"close {status}");

    private static HttpFixtureServer Start(Action<HttpFixtureOptions>? configure = null) => HttpFixtureServer.Start(new FileTree(), o =>
    {
        o.ForHosts("*.example.com");
        o.EnableForwardProxy = true;
        configure?.Invoke(o);
    });

    private static async Task<string> ExchangeAsync(HttpFixtureServer server, string head)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync("127.0.0.1", server.ProxyAddress!.Port, TestContext.Current.CancellationToken);
        await RawHttp.SendAsync(socket, head);
        return await RawHttp.ReadToEndAsync(socket, TimeSpan.FromSeconds(30));
    }
}
