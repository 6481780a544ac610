using System.Diagnostics;

namespace FakeHttpFixture.Tests.Attribution;

// A test's view of a shared server: what a test sees while its TestScope is current, as each adapter makes it for each test.
public sealed class TestViewTests
{
    private static TestScope Enter(string name)
    {
        var scope = TestScope.Begin($"{name}/{Guid.NewGuid():N}", name);
        scope.Enter();
        return scope;
    }

    // Sends as a neighbour test would, from its own execution context.
    private static Task SendAsNeighbourAsync(HttpClient client, string path, HttpContent? body = null) => Task.Run(async () =>
    {
        using var neighbour = Enter("neighbour");
        using var response = body is null ? await client.GetAsync(path) : await client.PostAsync(path, body);
    });

    [Fact]
    public async Task Request_carries_the_test_that_sent_it_in_traceparent_and_baggage()
    {
        await using var server = await HttpFixtureServer.StartAsync();
        using var scope = Enter("Sender");
        using var client = server.CreateClient();

        using var response = await client.GetAsync("a");

        var request = server.Requests.ShouldHaveSingleItem();
        request.TestId.ShouldBe(scope.Id);
        request.TestName.ShouldBe("Sender");
        request.TraceId.ShouldBe(scope.TraceId.ToHexString());
        request.Header("baggage")!.ShouldContain(TestScope.BaggageKey);
    }

    [Fact]
    public async Task Test_sees_only_its_own_requests_and_the_whole_journal_stays_available()
    {
        await using var server = await HttpFixtureServer.StartAsync();
        using var client = server.CreateClient();
        using var scope = Enter("Mine");

        using (await client.GetAsync("mine"))
        {
        }

        await SendAsNeighbourAsync(client, "theirs");

        server.Requests.Select(r => r.Path).ShouldBe(["/mine"]);
        server.AllRequests.Select(r => r.Path).ShouldBe(["/mine", "/theirs"], ignoreOrder: true);
        server.ShouldHaveReceived(r => r.Path == "/theirs", 0);
        server.JournalSummary().ShouldNotContain("/theirs");
    }

    [Fact]
    public async Task Request_no_test_can_be_named_for_is_shown_to_every_test_marked_as_such()
    {
        await using var server = await HttpFixtureServer.StartAsync();
        using var client = server.CreateClient();
        using var scope = Enter("Looker");

        // curl sends no traceparent: nothing says which test caused the request.
        using (var curl = Process.Start("curl", ["-s", "-o", "/dev/null", server.Url("untagged").ToString()]))
        {
            await curl.WaitForExitAsync();
        }

        var request = (await server.WaitForRequestAsync(r => r.Path == "/untagged")).ShouldNotBeNull();
        request.TestId.ShouldBeNull();
        server.JournalSummary().ShouldContain("GET /untagged → 404  [no test");
    }

    [Fact]
    public async Task Client_that_drops_baggage_but_keeps_traceparent_is_still_attributed_by_its_trace()
    {
        await using var server = await HttpFixtureServer.StartAsync();
        using var scope = TestScope.Begin($"by-trace/{Guid.NewGuid():N}", "By trace");
        var traceparent = $"00-{scope.TraceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";

        using (var curl = Process.Start("curl", ["-s", "-o", "/dev/null", "-H", "traceparent: " + traceparent, server.Url("by-trace").ToString()]))
        {
            await curl.WaitForExitAsync();
        }

        var request = server.AllRequests.ShouldHaveSingleItem();
        request.Header("baggage").ShouldBeNull();
        request.TestId.ShouldBe(scope.Id);
        request.TestName.ShouldBe("By trace");
    }

    [Fact]
    public async Task Wait_is_not_satisfied_by_a_neighbours_request()
    {
        await using var server = await HttpFixtureServer.StartAsync();
        using var client = server.CreateClient();
        using var scope = Enter("Waiter");
        var wait = server.WaitForRequestAsync(r => r.Method == "POST", TimeSpan.FromSeconds(30));

        await SendAsNeighbourAsync(client, "orders", new StringContent("theirs"));
        using (await client.PostAsync("orders", new StringContent("mine")))
        {
        }

        (await wait).BodyText.ShouldBe("mine");
    }

    [Fact]
    public async Task Verify_reports_only_the_tests_own_unanswered_requests()
    {
        await using var server = await HttpFixtureServer.StartAsync(o => o.Strict = true);
        using var client = server.CreateClient();
        using var scope = Enter("Verifier");

        await SendAsNeighbourAsync(client, "theirs");
        server.Verify();

        using (await client.GetAsync("mine"))
        {
        }

        var failure = Should.Throw<HttpFixtureVerificationException>(server.Verify);
        failure.Message.ShouldContain("GET /mine");
        failure.Message.ShouldNotContain("/theirs");
    }

    [Fact]
    public async Task Clearing_inside_a_test_and_releasing_a_test_remove_only_that_tests_requests()
    {
        await using var server = await HttpFixtureServer.StartAsync();
        using var client = server.CreateClient();
        using var scope = Enter("Clearer");
        using (await client.GetAsync("mine"))
        {
        }

        await SendAsNeighbourAsync(client, "theirs");
        server.ClearRequests();

        server.Requests.ShouldBeEmpty();
        server.AllRequests.ShouldHaveSingleItem().Path.ShouldBe("/theirs");
        using (await client.GetAsync("again"))
        {
        }

        server.ReleaseRequests(scope).ShouldBe(1);
        server.AllRequests.ShouldHaveSingleItem().Path.ShouldBe("/theirs");
    }

    [Fact]
    public async Task Outside_any_test_every_request_is_seen()
    {
        await using var server = await HttpFixtureServer.StartAsync();
        using var client = server.CreateClient();
        await SendAsNeighbourAsync(client, "theirs");

        TestScope.Current.ShouldBeNull();
        server.Requests.ShouldHaveSingleItem().TestName.ShouldBe("neighbour");
        server.JournalSummary().ShouldNotContain("[no test");
    }
}
