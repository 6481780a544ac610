using System.Net.Http.Json;

namespace FakeHttpFixture.Tests.Recording;

public sealed class AssertionTests
{
    [Fact]
    public async Task ShouldHaveReceived_returns_the_earliest_match_for_further_assertions()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        await client.PostAsJsonAsync("orders", new { item = "book" });
        await client.PostAsJsonAsync("orders", new { item = "pen" });

        server.ShouldHaveReceived(HttpMethod.Post, "orders").BodyText.ShouldBe("""{"item":"book"}""");
        server.ShouldHaveReceived(HttpMethod.Post, "/orders", 2).Count.ShouldBe(2);
        server.ShouldHaveReceived(HttpMethod.Delete, "/orders", 0).ShouldBeEmpty();
        server.ShouldHaveReceived(r => r.BodyText.Contains("pen", StringComparison.Ordinal)).Sequence.ShouldBe(2);
        server.ShouldHaveReceived(r => r.Method == "POST", 2).Select(r => r.Sequence).ShouldBe([1, 2]);
        server.ShouldHaveReceived(r => r.Method == "DELETE", 0).ShouldBeEmpty();
        Should.Throw<HttpFixtureAssertionException>(() => server.ShouldHaveReceived(r => r.Method == "POST", 3))
            .Message.ShouldContain("r => r.Method == \"POST\"");
    }

    [Fact]
    public async Task A_timeline_lists_the_matching_requests_in_arrival_order()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        await client.PostAsJsonAsync("orders", new { item = "book" });
        await client.GetAsync("orders");
        await client.PostAsJsonAsync("orders", new { item = "pen" });

        var timeline = server.Timeline(HttpMethod.Post, "/orders");

        timeline.Requests.Select(r => r.Sequence).ShouldBe([1, 3]);
        server.Timeline(r => r.Method == "PATCH").Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldHaveReceived_failure_lists_what_arrived_nearest_match_first()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["health"] = "ok" });
        using var client = server.CreateClient();
        await client.GetAsync("health");
        await client.PutAsync("orders", new StringContent("{}"));
        await client.PostAsync("order", new StringContent("""{"item":"book"}"""));

        var error = Should.Throw<HttpFixtureAssertionException>(() => server.ShouldHaveReceived(HttpMethod.Post, "/orders"));

        error.Message.ShouldBe("""
            Expected POST /orders to have been received, but it was not. Received 3, nearest match first:
              #3 POST /order (15 B) → 200
              #2 PUT /orders (2 B) → 200
              #1 GET /health → 200
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task ShouldHaveReceived_times_failure_shows_the_matches_first()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        await client.GetAsync("a");
        await client.PostAsync("orders", new StringContent("1"));

        var error = Should.Throw<HttpFixtureAssertionException>(() => server.ShouldHaveReceived(HttpMethod.Post, "/orders", 2));

        error.Message.ShouldBe("""
            Expected POST /orders to have been received 2 times, but it was received once. Received 2, nearest match first:
              #2 POST /orders (1 B) → 200  (matches)
              #1 GET /a → 404
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Predicate_failure_quotes_the_predicate()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        await client.GetAsync("a");

        var error = Should.Throw<HttpFixtureAssertionException>(() => server.ShouldHaveReceived(r => r.Header("X-Api-Key") == "secret"));

        error.Message.ShouldBe("""
            Expected a request matching r => r.Header("X-Api-Key") == "secret" to have been received, but it was not. Received 1, in arrival order:
              #1 GET /a → 404
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Failure_on_an_empty_journal_says_nothing_arrived()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());

        Should.Throw<HttpFixtureAssertionException>(() => server.ShouldHaveReceived(HttpMethod.Get, "/a")).Message
            .ShouldBe("Expected GET /a to have been received, but no requests were received at all.");
        server.ShouldHaveReceivedNothing();
    }

    [Fact]
    public async Task ShouldHaveReceivedNothing_lists_what_arrived()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        await client.DeleteAsync("users/7");

        Should.Throw<HttpFixtureAssertionException>(server.ShouldHaveReceivedNothing).Message.ShouldBe("""
            Expected no requests, but received 1:
              #1 DELETE /users/7 → 200
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task ShouldHaveReceivedNothingElse_lists_requests_no_assertion_wait_or_take_accounted_for()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        await client.PostAsync("orders", new StringContent("1"));
        await client.GetAsync("orders/1");
        await client.DeleteAsync("orders/1");
        await client.GetAsync("metrics");

        server.ShouldHaveReceived(HttpMethod.Post, "/orders");
        await server.WaitForRequestAsync(r => r.Path == "/orders/1");
        var error = Should.Throw<HttpFixtureAssertionException>(server.ShouldHaveReceivedNothingElse);

        error.Message.ShouldBe("""
            Expected no requests beyond those the test checked, but 2 of 4 were not checked by a ShouldHaveReceived, wait or take:
              #3 DELETE /orders/1 → 200
              #4 GET /metrics → 404
            """.ReplaceLineEndings("\n"));
        (await server.TakeRequestAsync()).Sequence.ShouldBe(1);
        server.ShouldHaveReceived(HttpMethod.Delete, "/orders/1", 1);
        server.ShouldHaveReceived(r => r.Path == "/metrics");
        server.ShouldHaveReceivedNothingElse();
    }

    [Fact]
    public async Task Long_journals_are_cut_to_twenty_lines()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        for (var i = 0; i < 25; i++)
        {
            await client.GetAsync($"p{i}");
        }

        var message = Should.Throw<HttpFixtureAssertionException>(() => server.ShouldHaveReceived(HttpMethod.Get, "/p7", 2)).Message;

        message.Split('\n')[1].ShouldBe("  #8 GET /p7 → 404  (matches)");
        message.Split('\n').Length.ShouldBe(22);
        message.ShouldEndWith("  … and 5 more; JournalSummary() lists them all.");
    }
}
