using System.Net;
using System.Net.Sockets;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Responses;

/// <summary>StubResponse.ResetStream resets one HTTP/2 stream with its error code; HTTP/1.1 has no streams, so there it resets the connection.</summary>
public sealed class ResetStreamTests
{
    [Theory]
    [MemberData(nameof(EveryTransport.All), MemberType = typeof(EveryTransport))]
    public async Task Reset_stream_fails_only_that_http2_stream_with_its_error_code_and_resets_an_http11_connection(Transport transport)
    {
        await using var fixture = TransportServer.Start(transport, new FileTree { ["ok.txt"] = "ok" });
        fixture.Server.Stub(HttpMethod.Get, "/reset").Respond(StubResponse.ResetStream(errorCode: 0x8));
        using var client = fixture.CreateClient();

        var ex = await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync("reset", TestContext.Current.CancellationToken));

        if (fixture.IsHttp2)
        {
            var protocol = ex.InnerException.ShouldBeOfType<HttpProtocolException>();
            protocol.ErrorCode.ShouldBe(0x8);
            protocol.Message.ShouldContain("CANCEL");
        }
        else
        {
            ex.InnerException.ShouldBeAssignableTo<IOException>()!.InnerException.ShouldBeOfType<SocketException>().SocketErrorCode.ShouldBe(SocketError.ConnectionReset);
        }

        var r = await fixture.NextCompletedAsync();
        fixture.ShouldHaveCarried(r);
        r.StatusCode.ShouldBe(0);
        r.Fault.ShouldBe(ResponseFault.ResetStream);
        r.ResponseAborted.ShouldBeTrue();
        r.ToString().ShouldBe("#1 GET /reset → no response [ResetStream]");
        var next = await fixture.ShouldAnswerAsync(client, "ok.txt", "ok");
        fixture.ShouldHaveBrokenOnlyTheStream(r, next);
    }

    [Fact]
    public async Task Stream_reset_reaches_a_request_that_pins_http2_over_tls_itself_with_internal_error_by_default()
    {
        // Not a transport of the theory: the client does not prefer HTTP/2, the request asks for it.
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.UseHttps());
        server.Stub(HttpMethod.Get, "/reset").Respond(StubResponse.ResetStream());
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "reset") { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };

        var ex = await Should.ThrowAsync<HttpRequestException>(() => client.SendAsync(request, TestContext.Current.CancellationToken));

        ex.InnerException.ShouldBeOfType<HttpProtocolException>().ErrorCode.ShouldBe(0x2);
        server.Requests.ShouldHaveSingleItem().Protocol.ShouldBe("HTTP/2");
    }
}
