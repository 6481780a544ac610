using System.Net;

namespace FakeHttpFixture.Tests.Recording;

/// <summary>ConnectionId and ExchangeIndex number the exchanges of each connection, over HTTP/1.1 keep-alive, HTTP/2 over TLS and h2c.</summary>
public sealed class ExchangeNumberingTests
{
    [Fact]
    public async Task Http11_keep_alive_requests_are_numbered_0_1_2_on_one_connection()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" });
        using var client = server.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            (await client.GetStringAsync("a.txt", TestContext.Current.CancellationToken)).ShouldBe("a");
        }

        var r = server.Requests;
        r.Select(x => x.ExchangeIndex).ShouldBe([0, 1, 2]);
        r.Select(x => x.ConnectionId).Distinct().ShouldHaveSingleItem().ShouldNotBeNullOrEmpty();
        r.ShouldAllBe(x => x.Protocol == "HTTP/1.1");
    }

    [Fact]
    public async Task Http11_keep_alive_requests_over_tls_are_numbered_0_1_2_on_one_connection()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" }, o => o.UseHttps());
        using var client = server.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            (await client.GetStringAsync("a.txt", TestContext.Current.CancellationToken)).ShouldBe("a");
        }

        var r = server.Requests;
        r.Select(x => x.ExchangeIndex).ShouldBe([0, 1, 2]);
        r.Select(x => x.ConnectionId).Distinct().ShouldHaveSingleItem();
        r.ShouldAllBe(x => x.Protocol == "HTTP/1.1" && x.Scheme == "https");
    }

    [Fact]
    public async Task Http2_requests_over_tls_share_the_connection_and_get_distinct_indexes()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" }, o =>
        {
            o.UseHttps();
            o.ClientPrefersHttp2 = true;
        });

        await SendOneThenSeveralAtOnceAsync(server);

        AssertOneHttp2ConnectionNumbered(server.Requests, "https");
    }

    [Fact]
    public async Task Http2_cleartext_requests_share_the_connection_and_get_distinct_indexes()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" }, o => o.Http2Cleartext = true);

        await SendOneThenSeveralAtOnceAsync(server);

        AssertOneHttp2ConnectionNumbered(server.Requests, "http");
    }

    [Fact]
    public async Task Each_http2_connection_numbers_its_own_streams_from_0()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" }, o =>
        {
            o.UseHttps();
            o.ClientPrefersHttp2 = true;
        });
        using var first = server.CreateClient();
        using var second = server.CreateClient();

        await first.GetStringAsync("a.txt", TestContext.Current.CancellationToken);
        await second.GetStringAsync("a.txt", TestContext.Current.CancellationToken);
        await first.GetStringAsync("a.txt", TestContext.Current.CancellationToken);

        var r = server.Requests;
        r.Select(x => x.ExchangeIndex).ShouldBe([0, 0, 1]);
        r[2].ConnectionId.ShouldBe(r[0].ConnectionId);
        r[1].ConnectionId.ShouldNotBe(r[0].ConnectionId);
    }

    // One request first, so the concurrent ones find the connection open and are multiplexed on it as streams.
    private static async Task SendOneThenSeveralAtOnceAsync(HttpFixtureServer server)
    {
        using var client = server.CreateClient();
        client.DefaultRequestVersion = HttpVersion.Version20;
        client.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        (await client.GetStringAsync("a.txt", TestContext.Current.CancellationToken)).ShouldBe("a");
        var bodies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetStringAsync("a.txt", TestContext.Current.CancellationToken)));
        bodies.ShouldAllBe(b => b == "a");
    }

    private static void AssertOneHttp2ConnectionNumbered(IReadOnlyList<RecordedRequest> requests, string scheme)
    {
        requests.Count.ShouldBe(9);
        requests.ShouldAllBe(x => x.Protocol == "HTTP/2" && x.Scheme == scheme);
        requests.Select(x => x.ConnectionId).Distinct().ShouldHaveSingleItem().ShouldNotBeNullOrEmpty();
        requests[0].ExchangeIndex.ShouldBe(0);
        requests.Select(x => x.ExchangeIndex).Order().ShouldBe(Enumerable.Range(0, 9));
    }
}
