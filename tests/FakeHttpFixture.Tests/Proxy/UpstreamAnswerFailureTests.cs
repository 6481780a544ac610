using System.Net;

namespace FakeHttpFixture.Tests.Proxy;

/// <summary>An upstream that answers, but not with something the proxy can pass on: the two failures named for that.</summary>
public sealed class UpstreamAnswerFailureTests
{
    [Fact]
    public async Task An_upstream_that_answers_with_something_not_http_gets_502_saying_so()
    {
        await using var upstream = HttpFixtureServer.Start(new FileTree());
        upstream.Stub(HttpMethod.Get, "/broken").Respond(StubResponse.MalformedStatusLine());
        await using var proxy = HttpFixtureServer.Start(o => o.ProxyTo(upstream.BaseAddress));
        using var client = proxy.CreateClient();

        using var response = await client.GetAsync("broken", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .ShouldBe($"FakeHttpFixture could not proxy GET /broken: the upstream {upstream.BaseAddress} answered with something that is not valid HTTP (InvalidResponse).\n");
        var recorded = await proxy.WaitForCompletionAsync(proxy.Requests.ShouldHaveSingleItem());
        recorded.UpstreamFailure.ShouldBe(UpstreamFailure.InvalidResponse);
        recorded.ToString().ShouldBe("#1 GET /broken → 502 [upstream InvalidResponse]");
        upstream.Requests.ShouldHaveSingleItem().Path.ShouldBe("/broken");
    }

    [Fact]
    public async Task An_upstream_failure_of_no_named_kind_gets_502_and_is_recorded_as_other()
    {
        // Response headers over HttpClient's 64 KiB limit: the upstream answered, valid HTTP, but the proxy cannot take it.
        await using var upstream = HttpFixtureServer.Start(new FileTree());
        upstream.Stub(HttpMethod.Get, "/huge-headers").Respond(StubResponse.Text("never passed on").WithHeader("X-Huge", new string('h', 100_000)));
        await using var proxy = HttpFixtureServer.Start(o => o.ProxyTo(upstream.BaseAddress));
        using var client = proxy.CreateClient();

        using var response = await client.GetAsync("huge-headers", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("(Other)");
        var recorded = await proxy.WaitForCompletionAsync(proxy.Requests.ShouldHaveSingleItem());
        recorded.UpstreamFailure.ShouldBe(UpstreamFailure.Other);
        recorded.AnsweredBy.ShouldBe(ResponseSource.Proxy);
        recorded.ToString().ShouldBe("#1 GET /huge-headers → 502 [upstream Other]");
    }
}
