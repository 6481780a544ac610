using System.Net.Sockets;
using FakeHttpFixture.Tests.Support;
using static FakeHttpFixture.Tests.Support.TransportServer;

namespace FakeHttpFixture.Tests.Responses;

/// <summary>StubResponse.ResetConnection resets the TCP connection, whichever protocol rides on it.</summary>
public sealed class ResetConnectionTests
{
    [Theory]
    [MemberData(nameof(EveryTransport.All), MemberType = typeof(EveryTransport))]
    public async Task Reset_connection_fails_the_request_with_a_connection_reset(Transport transport)
    {
        await using var fixture = TransportServer.Start(transport, new FileTree { ["ok.txt"] = "ok" });
        var completed = fixture.Completed;
        fixture.Server.Stub(HttpMethod.Get, "/reset").Respond(StubResponse.ResetConnection());
        using var client = fixture.CreateClient();

        var ex = await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync("reset", TestContext.Current.CancellationToken));

        if (fixture.IsHttp2)
        {
            // A fresh HTTP/2 connection is still settling (the client reads the server's SETTINGS and writes its acknowledgement) when the
            // reset comes, so the client reports the reset, an unfinished handshake or an early end, whichever it met first; never a
            // stream's error code. On a settled connection the report is exact: see the theory below.
            ex.HttpRequestError.ShouldBeOneOf(HttpRequestError.Unknown, HttpRequestError.InvalidResponse, HttpRequestError.ResponseEnded);
            ex.InnerException.ShouldBeAssignableTo<IOException>().ShouldNotBeAssignableTo<HttpProtocolException>();
        }
        else
        {
            ex.Message.ShouldBe("An error occurred while sending the request.");
            ShouldBeAConnectionReset(ex, http2: false);
        }

        // docs/recording-and-assertions.md shows these seven lines as they stand (DocsCodeTests checks it), hence the reader by name.
        var r = await NextCompletedAsync(completed);
        r.StatusCode.ShouldBe(0);
        r.Fault.ShouldBe(ResponseFault.ResetConnection);
        r.ResponseAborted.ShouldBeTrue();
        r.ResponseHeaders.ShouldBeEmpty();
        r.Aborted.ShouldBeFalse();
        r.ToString().ShouldBe("#1 GET /reset → no response [ResetConnection]");
        fixture.ShouldHaveCarried(r);
        var next = await fixture.ShouldAnswerAsync(client, "ok.txt", "ok");
        next.ConnectionId.ShouldNotBe(r.ConnectionId);
    }

    [Theory]
    [MemberData(nameof(EveryTransport.All), MemberType = typeof(EveryTransport))]
    public async Task A_reset_on_a_reused_connection_fails_the_request_without_a_hidden_retry(Transport transport)
    {
        await using var fixture = TransportServer.Start(transport, new FileTree { ["ok.txt"] = "ok" });
        var server = fixture.Server;
        using var client = fixture.CreateClient();
        var first = await fixture.ShouldAnswerAsync(client, "ok.txt", "ok");
        server.Enqueue(StubResponse.ResetConnection()).Enqueue(StubResponse.Text("second try"));

        // The reset reaches the caller: HttpClient does not quietly resend the request, and the queued answer stays for the next one.
        var ex = await Should.ThrowAsync<HttpRequestException>(() => client.GetStringAsync("data", TestContext.Current.CancellationToken));

        ShouldBeAConnectionReset(ex, fixture.IsHttp2);
        server.Requests.Select(r => r.Path).ShouldBe(["/ok.txt", "/data"]);
        server.Requests[1].ConnectionId.ShouldBe(first.ConnectionId);
        (await fixture.ShouldAnswerAsync(client, "data", "second try")).ConnectionId.ShouldNotBe(first.ConnectionId);
    }

    // HTTP/2 adds one IOException between the request and the socket: "The request was aborted", said to every stream the connection carried.
    private static void ShouldBeAConnectionReset(HttpRequestException ex, bool http2)
    {
        var io = ex.InnerException.ShouldBeAssignableTo<IOException>()!;
        if (http2)
        {
            io.Message.ShouldBe("The request was aborted.");
            io = io.InnerException.ShouldBeAssignableTo<IOException>()!;
        }

        io.InnerException.ShouldBeOfType<SocketException>().SocketErrorCode.ShouldBe(SocketError.ConnectionReset);
    }
}
