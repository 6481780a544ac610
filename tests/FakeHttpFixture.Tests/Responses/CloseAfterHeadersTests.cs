using System.Net;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Responses;

/// <summary>StubResponse.CloseAfterHeaders sends the status and headers, then breaks off before the body.</summary>
public sealed class CloseAfterHeadersTests
{
    [Theory]
    [MemberData(nameof(EveryTransport.All), MemberType = typeof(EveryTransport))]
    public async Task Close_after_headers_gives_the_status_then_fails_reading_the_body(Transport transport)
    {
        await using var fixture = TransportServer.Start(transport, new FileTree { ["ok.txt"] = "ok" });
        fixture.Server.Stub(HttpMethod.Get, "/half").Respond(StubResponse.Text("never sent").WithStatus(206).CloseAfterHeaders());
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync("half", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        fixture.ShouldHaveNegotiated(response);
        response.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        response.Content.Headers.ContentLength.ShouldBe(10);
        var ex = await Should.ThrowAsync<HttpRequestException>(() => response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        ex.Message.ShouldBe("Error while copying content to a stream.");
        if (fixture.IsHttp2)
        {
            ex.InnerException.ShouldBeOfType<HttpProtocolException>().ErrorCode.ShouldBe(0x2);
        }
        else
        {
            ex.InnerException.ShouldBeAssignableTo<IOException>()!.Message.ShouldContain("The response ended prematurely");
        }

        var r = await fixture.NextCompletedAsync();
        fixture.ShouldHaveCarried(r);
        r.StatusCode.ShouldBe(206);
        r.ResponseHeaders["Content-Length"].ShouldBe(["10"]);
        r.ResponseBodyLength.ShouldBe(0);
        r.Fault.ShouldBe(ResponseFault.CloseAfterHeaders);
        r.ResponseAborted.ShouldBeTrue();
        r.ToString().ShouldBe("#1 GET /half → 206 [CloseAfterHeaders]");
        var next = await fixture.ShouldAnswerAsync(client, "ok.txt", "ok");
        fixture.ShouldHaveBrokenOnlyTheStream(r, next);
    }
}
