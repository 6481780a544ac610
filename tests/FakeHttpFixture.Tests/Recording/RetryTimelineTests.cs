using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Recording;

public sealed class RetryTimelineTests
{
    [Fact]
    public async Task Retried_passes_on_the_right_count_and_otherwise_fails_with_the_timeline()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/orders/42").Respond(503, times: 2).Respond(StubResponse.Text("shipped"));
        using var client = server.CreateClient();

        await SendUntilSuccessAsync(client, "orders/42", attempts: 5, wait: _ => TimeSpan.Zero);

        var timeline = server.Timeline(HttpMethod.Get, "/orders/42").ShouldHaveRetried(2);
        var ex = Should.Throw<HttpFixtureAssertionException>(() => timeline.ShouldHaveRetried(1));
        var requests = server.Requests.ToArray();
        TimelineMessage.Normalize(ex.Message, requests).ShouldBe("""
            Expected GET /orders/42 to have been retried once (2 requests in all), but it was sent 3 times (retried 2 times).
            Timeline of GET /orders/42 (3 requests; times since the first, at HH:MM:SS):
              +T  #1 GET /orders/42 → 503  conn C1:0
              +T  #2 GET /orders/42 → 503  conn C1:1  gap N ms
              +T  #3 GET /orders/42 → 200  conn C1:2  gap N ms
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Retried_says_when_the_request_was_never_sent()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());

        var ex = Should.Throw<HttpFixtureAssertionException>(() => server.Timeline(HttpMethod.Post, "/orders").ShouldHaveRetried(3));

        ex.Message.ShouldBe("Expected POST /orders to have been retried 3 times (4 requests in all), but it was never sent.\nTimeline of POST /orders: no request.");
    }

    [Fact]
    public async Task Backed_off_passes_when_each_wait_grows()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/flaky").Respond(503, times: 3).Respond(200);
        using var client = server.CreateClient();

        await SendUntilSuccessAsync(client, "flaky", attempts: 5, wait: attempt => TimeSpan.FromMilliseconds(100 * Math.Pow(3, attempt - 1)));

        server.Timeline(HttpMethod.Get, "/flaky").ShouldHaveRetried(3).ShouldHaveBackedOff();
    }

    [Fact]
    public async Task Backed_off_fails_on_a_client_that_waits_the_same_each_time()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/flaky").Respond(503, times: 4).Respond(200);
        using var client = server.CreateClient();

        await SendUntilSuccessAsync(client, "flaky", attempts: 5, wait: _ => TimeSpan.FromMilliseconds(100));

        var ex = Should.Throw<HttpFixtureAssertionException>(() => server.Timeline(HttpMethod.Get, "/flaky").ShouldHaveBackedOff());
        ex.Message.ShouldStartWith("Expected the waits between the requests to grow, each 10% and 5 ms longer than the one before at the least (from an answer going out to the next request), but they did not:\n  #");
        ex.Message.ShouldMatch(@"#\d came \d+ ms after the answer to #\d, not 10% and 5 ms longer than the \d+ ms before it\.");
        ex.Message.ShouldContain("Timeline of GET /flaky (5 requests;");
    }

    [Fact]
    public async Task Backed_off_counts_each_wait_from_the_answer_so_a_slow_answer_does_not_hide_a_growing_wait()
    {
        // Issue 32, item 8: the waits were counted from one request's arrival to the next, so the time the server took to answer
        // (here 600 ms; on a busy machine, a first answer compiling its path) counted as the client's wait, and a client that waited
        // 100 ms and then 400 ms looked as if it had waited 700 ms and then 400 ms.
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/flaky")
            .Respond(StubResponse.Status(503).WithDelay(TimeSpan.FromMilliseconds(600)))
            .Respond(503)
            .Respond(200);
        using var client = server.CreateClient();

        await SendUntilSuccessAsync(client, "flaky", attempts: 3, wait: attempt => TimeSpan.FromMilliseconds(100 * Math.Pow(4, attempt - 1)));

        server.Timeline(HttpMethod.Get, "/flaky").ShouldHaveRetried(2).ShouldHaveBackedOff();
    }

    [Fact]
    public async Task Backed_off_needs_three_requests_to_see_a_wait_grow()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        (await client.GetAsync("a", TestContext.Current.CancellationToken)).Dispose();
        (await client.GetAsync("a", TestContext.Current.CancellationToken)).Dispose();

        var ex = Should.Throw<HttpFixtureAssertionException>(() => server.Timeline(HttpMethod.Get, "/a").ShouldHaveBackedOff());

        ex.Message.ShouldStartWith("Expected the waits between the requests to grow, each 10% and 5 ms longer than the one before at the least (from an answer going out to the next request), but there were 2 requests: it takes 3 or more, two waits, to see a wait grow.");
    }

    [Fact]
    public async Task A_timeline_of_every_request_prints_what_the_assertions_look_at()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Post, "/pay").Respond(StubResponse.Status(429).WithHeader("Retry-After", "3"));
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "pay") { Headers = { { "Idempotency-Key", "k-1" } } };
        (await client.SendAsync(request, TestContext.Current.CancellationToken)).Dispose();

        var text = server.Timeline().ToString();

        TimelineMessage.Normalize(text, [.. server.Requests]).ShouldBe("""
            Timeline of every request (1 request; times since the first, at HH:MM:SS):
              +T  #1 POST /pay → 429  conn C1:0  > Idempotency-Key: k-1  < Retry-After: 3
            """.ReplaceLineEndings("\n").TrimEnd());
    }

    /// <summary>A hand-made retry loop: sends until a success or the last attempt, waiting as <paramref name="wait"/> says after each failure.</summary>
    internal static async Task SendUntilSuccessAsync(HttpClient client, string path, int attempts, Func<int, TimeSpan> wait)
    {
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            if (response.IsSuccessStatusCode || attempt == attempts)
            {
                return;
            }

            await Task.Delay(wait(attempt), TestContext.Current.CancellationToken);
        }
    }
}
