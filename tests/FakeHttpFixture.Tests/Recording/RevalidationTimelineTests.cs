using System.Net;
using System.Net.Http.Headers;

namespace FakeHttpFixture.Tests.Recording;

public sealed class RevalidationTimelineTests
{
    [Fact]
    public async Task Passes_on_a_client_that_sends_if_none_match_with_the_etag_it_got()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["catalog.json"] = """{ "items": 3 }""" });
        using var client = server.CreateClient();

        EntityTagHeaderValue? etag = null;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "catalog.json");
            if (etag is not null)
            {
                request.Headers.IfNoneMatch.Add(etag);
            }

            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            etag = response.Headers.ETag ?? etag;
            statuses.Add(response.StatusCode);
        }

        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.NotModified, HttpStatusCode.NotModified]);
        server.Timeline(HttpMethod.Get, "/catalog.json").ShouldHaveRevalidated();
    }

    [Fact]
    public async Task Fails_on_a_client_that_fetches_again_without_its_etag()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["catalog.json"] = """{ "items": 3 }""" });
        using var client = server.CreateClient();
        (await client.GetStringAsync("catalog.json", TestContext.Current.CancellationToken)).Length.ShouldBeGreaterThan(0);
        (await client.GetStringAsync("catalog.json", TestContext.Current.CancellationToken)).Length.ShouldBeGreaterThan(0);

        var ex = Should.Throw<HttpFixtureAssertionException>(() => server.Timeline(HttpMethod.Get, "/catalog.json").ShouldHaveRevalidated());

        var etag = server.Requests[0].ResponseHeaders["ETag"].Single();
        ex.Message.ShouldStartWith($"Expected the client to revalidate what it had: If-None-Match after an ETag, If-Modified-Since after a Last-Modified, but it did not:\n  #2 sent no If-None-Match after #1 answered ETag: {etag}.");
        ex.Message.ShouldContain($"< ETag: {etag}");
        ex.Message.ShouldContain("< Last-Modified: ");
    }

    [Fact]
    public async Task Fails_when_no_answer_had_a_validator()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/live").Respond(StubResponse.Text("now"));
        using var client = server.CreateClient();
        (await client.GetStringAsync("live", TestContext.Current.CancellationToken)).ShouldBe("now");
        (await client.GetStringAsync("live", TestContext.Current.CancellationToken)).ShouldBe("now");

        var ex = Should.Throw<HttpFixtureAssertionException>(() => server.Timeline(HttpMethod.Get, "/live").ShouldHaveRevalidated());

        ex.Message.ShouldContain("but no answer followed by another request carried an ETag or Last-Modified, so there was nothing to revalidate.");
    }
}
