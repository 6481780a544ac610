using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Recording;

public sealed class RetryAfterTimelineTests
{
    [Fact]
    public async Task Passes_on_a_client_that_waits_the_seconds_retry_after_says()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/quota").WithChaos(Chaos.Burst(1, 1).Respond(429, TimeSpan.FromSeconds(1))).Respond(200);
        using var client = server.CreateClient();

        await SendHonouringRetryAfterAsync(client, "quota");

        server.Timeline(HttpMethod.Get, "/quota").ShouldHaveRetried(1).ShouldHaveRespectedRetryAfter();
    }

    [Fact]
    public async Task Passes_on_a_client_that_waits_until_the_http_date_retry_after_says()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["ok.txt"] = "ok" }, o =>
            o.AddRateLimit(RateLimit.Allow(1, per: TimeSpan.FromSeconds(1)).WithRetryAfter(RetryAfterFormat.HttpDate)));
        using var client = server.CreateClient();

        await SendHonouringRetryAfterAsync(client, "ok.txt");
        await SendHonouringRetryAfterAsync(client, "ok.txt");

        server.Timeline(HttpMethod.Get, "/ok.txt").ShouldHaveRetried(2).ShouldHaveRespectedRetryAfter();
        server.Requests.Select(r => r.StatusCode).ShouldBe([200, 429, 200]);
    }

    [Fact]
    public async Task Fails_with_the_timeline_on_a_client_that_retries_at_once()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/quota").Respond(StubResponse.Status(429).WithHeader("Retry-After", "1")).Respond(200);
        using var client = server.CreateClient();

        await RetryTimelineTests.SendUntilSuccessAsync(client, "quota", attempts: 3, wait: _ => TimeSpan.Zero);

        var ex = Should.Throw<HttpFixtureAssertionException>(() => server.Timeline(HttpMethod.Get, "/quota").ShouldHaveRespectedRetryAfter());
        TimelineMessage.Normalize(ex.Message, [.. server.Requests]).ShouldBe("""
            Expected the client to wait at least what Retry-After said before each retry, but it retried too early:
              #2 came N ms after the answer to #1, which said Retry-After: 1, N ms at the least.
            Timeline of GET /quota (2 requests; times since the first, at HH:MM:SS):
              +T  #1 GET /quota → 429  conn C1:0  < Retry-After: 1
              +T  #2 GET /quota → 200  conn C1:1  gap N ms
            """.ReplaceLineEndings("\n").TrimEnd());
        ex.Message.ShouldContain("1000 ms at the least");
    }

    [Fact]
    public async Task Fails_when_no_answer_said_retry_after_so_there_was_nothing_to_respect()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/flaky").Respond(503).Respond(200);
        using var client = server.CreateClient();

        await RetryTimelineTests.SendUntilSuccessAsync(client, "flaky", attempts: 3, wait: _ => TimeSpan.Zero);

        var ex = Should.Throw<HttpFixtureAssertionException>(() => server.Timeline(HttpMethod.Get, "/flaky").ShouldHaveRespectedRetryAfter());
        ex.Message.ShouldStartWith("Expected the client to wait at least what Retry-After said before each retry, but no answer followed by another request carried a Retry-After header, so there was nothing to respect.");
    }

    [Fact]
    public async Task Chaos_failures_carry_the_seed_into_the_message()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o =>
        {
            o.ChaosSeed = 77;
            o.AddChaos(Chaos.EveryNth(2).Respond(503, TimeSpan.FromSeconds(1)));
        });
        using var client = server.CreateClient();

        await RetryTimelineTests.SendUntilSuccessAsync(client, "x", attempts: 3, wait: _ => TimeSpan.Zero);
        await RetryTimelineTests.SendUntilSuccessAsync(client, "x", attempts: 3, wait: _ => TimeSpan.Zero);

        var ex = Should.Throw<HttpFixtureAssertionException>(() => server.Timeline(HttpMethod.Get, "/x").ShouldHaveRespectedRetryAfter());
        ex.Message.ShouldContain("#2 GET /x → 503 [chaos: every 2nd request → 503 with Retry-After 1 s]");
        ex.Message.ShouldEndWith("Chaos seed 77 (HttpFixtureOptions.ChaosSeed = 77, or FAKEHTTP_CHAOS_SEED=77, replays it); rules:\n  server: chaos every 2nd request → 503 with Retry-After 1 s");
    }

    /// <summary>A hand-made client that does what Retry-After says (seconds or a date) once, then sends again.</summary>
    private static async Task SendHonouringRetryAfterAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var retryAfter = response.Headers.RetryAfter!;
        var wait = retryAfter.Delta ?? (retryAfter.Date!.Value - DateTimeOffset.UtcNow);
        await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, TestContext.Current.CancellationToken);
        (await client.GetAsync(path, TestContext.Current.CancellationToken)).Dispose();
    }
}
