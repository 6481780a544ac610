using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Recording;

public sealed class ConnectionTimelineTests
{
    [Fact]
    public async Task A_kept_alive_client_reuses_its_connection_and_not_new_ones()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" });
        using var client = server.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            (await client.GetStringAsync("a.txt", TestContext.Current.CancellationToken)).ShouldBe("a");
        }

        var timeline = server.Timeline(HttpMethod.Get, "/a.txt").ShouldHaveReusedConnections();

        var ex = Should.Throw<HttpFixtureAssertionException>(() => timeline.ShouldHaveUsedNewConnections());
        TimelineMessage.Normalize(ex.Message, [.. server.Requests]).ShouldStartWith("""
            Expected every request to come over a new connection, but some reused one:
              #2 came over connection C1 again, which #1 had opened.
              #3 came over connection C1 again, which #1 had opened.
            Timeline of GET /a.txt (3 requests; times since the first, at HH:MM:SS):
              +T  #1 GET /a.txt → 200  conn C1:0
            """.ReplaceLineEndings("\n").TrimEnd());
    }

    [Fact]
    public async Task A_client_that_closes_each_connection_uses_new_ones_and_fails_the_reuse_check()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" });
        using var client = server.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "a.txt") { Headers = { ConnectionClose = true } };
            (await client.SendAsync(request, TestContext.Current.CancellationToken)).Dispose();
        }

        var timeline = server.Timeline(HttpMethod.Get, "/a.txt").ShouldHaveUsedNewConnections();

        var ex = Should.Throw<HttpFixtureAssertionException>(() => timeline.ShouldHaveReusedConnections());
        TimelineMessage.Normalize(ex.Message, [.. server.Requests]).ShouldBe("""
            Expected every request after the first to come over a connection an earlier one had used, but not all did:
              #2 came over a new connection, C2.
              #3 came over a new connection, C3.
            Timeline of GET /a.txt (3 requests; times since the first, at HH:MM:SS):
              +T  #1 GET /a.txt → 200  conn C1:0  > Connection: close
              +T  #2 GET /a.txt → 200  conn C2:0  gap N ms  > Connection: close
              +T  #3 GET /a.txt → 200  conn C3:0  gap N ms  > Connection: close
            """.ReplaceLineEndings("\n").TrimEnd());
    }

    [Fact]
    public async Task After_a_chaos_reset_the_retry_comes_over_a_new_connection()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" }, o => o.AddChaos(Chaos.Burst(1, 1).Respond(StubResponse.ResetConnection())));
        using var client = server.CreateClient();

        await Should.ThrowAsync<HttpRequestException>(() => client.GetStringAsync("a.txt", TestContext.Current.CancellationToken));
        (await client.GetStringAsync("a.txt", TestContext.Current.CancellationToken)).ShouldBe("a");

        server.Timeline(HttpMethod.Get, "/a.txt").ShouldHaveRetried(1).ShouldHaveUsedNewConnections();
    }
}
