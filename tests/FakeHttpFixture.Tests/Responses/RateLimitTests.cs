using System.Net;
using System.Text;
using System.Text.Json;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Responses;

public sealed class RateLimitTests
{
    private static readonly FileTree Site = new() { ["ok.txt"] = "ok" };

    [Fact]
    public async Task Requests_over_the_limit_get_429_with_retry_after_the_ratelimit_headers_and_a_problem()
    {
        await using var server = HttpFixtureServer.Start(Site, o => o.AddRateLimit(RateLimit.Allow(2, per: TimeSpan.FromSeconds(30))));
        using var client = server.CreateClient();

        using var first = await client.GetAsync("ok.txt", TestContext.Current.CancellationToken);
        using var second = await client.GetAsync("ok.txt", TestContext.Current.CancellationToken);
        using var refused = await client.GetAsync("ok.txt", TestContext.Current.CancellationToken);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.GetValues("RateLimit-Policy").ShouldBe(["\"default\";q=2;w=30"]);
        first.Headers.GetValues("RateLimit").Single().ShouldMatch("""^"default";r=1;t=(29|30)$""");
        second.Headers.GetValues("RateLimit").Single().ShouldMatch("""^"default";r=0;t=(29|30)$""");
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeInRange(29, 30);
        refused.Headers.GetValues("RateLimit").Single().ShouldMatch("""^"default";r=0;t=(29|30)$""");
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        problem.RootElement.GetProperty("type").GetString().ShouldBe("https://iana.org/assignments/http-problem-types#quota-exceeded");
        problem.RootElement.GetProperty("violated-policies")[0].GetString().ShouldBe("default");
        var record = server.Requests[2];
        record.AnsweredBy.ShouldBe(ResponseSource.RateLimit);
        record.ChaosRule.ShouldBe("2 requests per 30 s → 429");
        record.ResponseHeaders["Retry-After"].ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_limit_may_refuse_with_503_and_a_retry_after_date_and_curl_sees_every_header()
    {
        await using var server = HttpFixtureServer.Start(Site, o => o.AddRateLimit(
            RateLimit.Allow(1, per: TimeSpan.FromSeconds(10)).WithStatus(503).WithRetryAfter(RetryAfterFormat.HttpDate).Named("shed")));
        using var client = server.CreateClient();
        (await client.GetAsync("ok.txt", TestContext.Current.CancellationToken)).Dispose();

        var (exit, output, error) = await ExternalProcess.RunAsync("curl", "-sS", "-i", server.Url("ok.txt").ToString());

        exit.ShouldBe(0, error);
        output.ShouldStartWith("HTTP/1.1 503 Service Unavailable");
        output.ShouldMatch(@"(?im)^Retry-After: \w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT\r?$");
        output.ShouldMatch("""(?im)^RateLimit-Policy: "shed";q=1;w=10\r?$""");
        output.ShouldContain("temporary-reduced-capacity");
    }

    [Fact]
    public async Task Concurrent_clients_sharing_one_quota_get_exactly_the_quota_through()
    {
        await using var server = HttpFixtureServer.Start(Site, o => o.AddRateLimit(RateLimit.Allow(7, per: TimeSpan.FromMinutes(5))));
        var clients = Enumerable.Range(0, 4).Select(_ => server.CreateClient()).ToList();
        try
        {
            var statuses = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
            {
                using var response = await clients[i % clients.Count].GetAsync("ok.txt", TestContext.Current.CancellationToken);
                return response.StatusCode;
            }));

            statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(7);
            statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBe(33);
            server.Requests.Count(r => r.AnsweredBy == ResponseSource.RateLimit).ShouldBe(33);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task Concurrent_clients_keyed_by_a_header_each_get_their_own_quota()
    {
        await using var server = HttpFixtureServer.Start(Site, o => o.AddRateLimit(RateLimit.Allow(3, per: TimeSpan.FromMinutes(5)).PerHeader("X-Api-Key")));
        using var client = server.CreateClient();

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "ok.txt") { Headers = { { "X-Api-Key", $"key-{i % 3}" } } };
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            return (Key: i % 3, response.StatusCode);
        }));

        foreach (var key in Enumerable.Range(0, 3))
        {
            results.Count(r => r.Key == key && r.StatusCode == HttpStatusCode.OK).ShouldBe(3, $"key-{key}");
        }

        var allowed = server.Requests.First(r => r.StatusCode == 200);
        allowed.ResponseHeaders["RateLimit"].Single().ShouldContain($";pk=:{Convert.ToBase64String(Encoding.UTF8.GetBytes(allowed.Header("X-Api-Key")!))}:");
    }

    [Fact]
    public async Task A_limit_per_connection_counts_each_connection_apart()
    {
        await using var server = HttpFixtureServer.Start(Site, o => o.AddRateLimit(RateLimit.Allow(2, per: TimeSpan.FromMinutes(5)).PerConnection()));
        using var one = server.CreateClient();
        using var two = server.CreateClient();

        var statuses = new List<int>();
        foreach (var client in new[] { one, one, one, two, two, two })
        {
            using var response = await client.GetAsync("ok.txt", TestContext.Current.CancellationToken);
            statuses.Add((int)response.StatusCode);
        }

        statuses.ShouldBe([200, 200, 429, 200, 200, 429]);
        server.Requests.Select(r => r.ConnectionId).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task The_window_opens_again_once_retry_after_has_passed()
    {
        await using var server = HttpFixtureServer.Start(Site, o => o.AddRateLimit(RateLimit.Allow(1, per: TimeSpan.FromMilliseconds(1500))));
        using var client = server.CreateClient();

        using var allowed = await client.GetAsync("ok.txt", TestContext.Current.CancellationToken);
        using var refused = await client.GetAsync("ok.txt", TestContext.Current.CancellationToken);
        await Task.Delay(refused.Headers.RetryAfter!.Delta!.Value, TestContext.Current.CancellationToken); // what the server asked for
        using var again = await client.GetAsync("ok.txt", TestContext.Current.CancellationToken);

        allowed.StatusCode.ShouldBe(HttpStatusCode.OK);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.Delta!.Value.TotalSeconds.ShouldBeInRange(1, 2); // whole seconds, rounded up: never before the window ends
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        server.Timeline(HttpMethod.Get, "/ok.txt").ShouldHaveRespectedRetryAfter();
    }

    [Fact]
    public async Task A_stub_limit_refuses_only_that_stubs_requests_and_keeps_its_sequence()
    {
        await using var server = HttpFixtureServer.Start(Site);
        var orders = server.Stub(HttpMethod.Post, "/orders").WithRateLimit(RateLimit.Allow(1, per: TimeSpan.FromMinutes(1))).Respond(201);
        using var client = server.CreateClient();

        using var created = await client.PostAsync("orders", null, TestContext.Current.CancellationToken);
        using var refused = await client.PostAsync("orders", null, TestContext.Current.CancellationToken);
        using var file = await client.GetAsync("ok.txt", TestContext.Current.CancellationToken);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        file.Headers.Contains("RateLimit").ShouldBeFalse();
        orders.CallCount.ShouldBe(1);
        server.Requests[1].ChaosRule.ShouldBe("1 request per 60 s → 429");
    }

    [Fact]
    public async Task Reset_gives_every_client_its_full_quota_again()
    {
        await using var server = HttpFixtureServer.Start(Site, o => o.AddRateLimit(RateLimit.Allow(1, per: TimeSpan.FromMinutes(5))));
        using var client = server.CreateClient();

        (await client.GetAsync("ok.txt", TestContext.Current.CancellationToken)).Dispose();
        server.Reset();
        using var afterReset = await client.GetAsync("ok.txt", TestContext.Current.CancellationToken);

        afterReset.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
