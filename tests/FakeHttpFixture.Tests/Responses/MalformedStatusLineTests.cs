using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Responses;

/// <summary>StubResponse.MalformedStatusLine sends bytes that are not HTTP where the HTTP/1.1 status line belongs.</summary>
public sealed class MalformedStatusLineTests
{
    // HTTP/1.1 only: HTTP/2 frames its status in a HEADERS frame, so it has no status line to garble.
    [Theory]
    [InlineData(Transport.Http11)]
    [InlineData(Transport.Http11Tls)]
    public async Task Malformed_status_line_is_reported_as_an_invalid_response(Transport transport)
    {
        await using var fixture = TransportServer.Start(transport, new FileTree { ["ok.txt"] = "ok" });
        fixture.Server.Enqueue(StubResponse.MalformedStatusLine());
        using var client = fixture.CreateClient();

        var ex = await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync("x", TestContext.Current.CancellationToken));

        ex.HttpRequestError.ShouldBe(HttpRequestError.InvalidResponse);
        ex.Message.ShouldBe("Received an invalid status line: 'SSH-2.0-NotHttp garbage instead of a status line'.");
        var r = await fixture.NextCompletedAsync();
        fixture.ShouldHaveCarried(r);
        r.StatusCode.ShouldBe(0);
        r.Fault.ShouldBe(ResponseFault.MalformedStatusLine);
        r.ResponseAborted.ShouldBeTrue();
        r.ToString().ShouldBe("#1 GET /x → no response [MalformedStatusLine]");
        var next = await fixture.ShouldAnswerAsync(client, "ok.txt", "ok");
        next.ConnectionId.ShouldNotBe(r.ConnectionId);
    }
}
