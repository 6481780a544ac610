using System.Globalization;
using System.Net;

namespace FakeHttpFixture.Tests.Responses;

public sealed class ChaosTests
{
    private static readonly FileTree Site = new() { ["ok.txt"] = "ok" };

    [Fact]
    public async Task Same_seed_gives_the_same_pattern_and_another_seed_another()
    {
        var first = await StatusesAsync(seed: 42);
        var again = await StatusesAsync(seed: 42);
        var other = await StatusesAsync(seed: 43);

        again.ShouldBe(first);
        other.ShouldNotBe(first);
        first.Count(s => s == 503).ShouldBeInRange(5, 30, "30% of 60 requests, drawn from the seed");
        first.Distinct().Order().ShouldBe([200, 503]);

        static async Task<List<int>> StatusesAsync(int seed)
        {
            await using var server = HttpFixtureServer.Start(Site, o =>
            {
                o.ChaosSeed = seed;
                o.AddChaos(Chaos.Share(0.3).Respond(503));
            });
            using var client = server.CreateClient();
            var statuses = new List<int>();
            for (var i = 0; i < 60; i++)
            {
                using var response = await client.GetAsync("ok.txt", TestContext.Current.CancellationToken);
                statuses.Add((int)response.StatusCode);
            }

            server.ChaosSeed.ShouldBe(seed);
            return statuses;
        }
    }

    [Fact]
    public async Task A_seed_picks_the_same_number_of_requests_when_they_arrive_concurrently()
    {
        var sequential = await CountAsync(concurrently: false);
        var concurrent = await CountAsync(concurrently: true);

        // Equal counts prove nothing if the rule never fired: half of 40 from a seed is well inside 5..35.
        sequential.ShouldBeInRange(5, 35);
        concurrent.ShouldBe(sequential);

        static async Task<int> CountAsync(bool concurrently)
        {
            await using var server = HttpFixtureServer.Start(Site, o => o.AddChaos(Chaos.Share(0.5).WithSeed(7).Respond(503)));
            using var client = server.CreateClient();
            if (concurrently)
            {
                await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ => (await client.GetAsync("ok.txt", TestContext.Current.CancellationToken)).Dispose()));
            }
            else
            {
                for (var i = 0; i < 40; i++)
                {
                    (await client.GetAsync("ok.txt", TestContext.Current.CancellationToken)).Dispose();
                }
            }

            var picked = server.Requests.Where(r => r.StatusCode == 503).ToList();
            picked.ShouldAllBe(r => r.AnsweredBy == ResponseSource.Chaos && r.ChaosRule == "50% of requests (seed 7) → 503");
            server.Requests.Where(r => r.StatusCode != 503).ShouldAllBe(r => r.AnsweredBy == ResponseSource.File && r.ChaosRule == null);
            return picked.Count;
        }
    }

    [Fact]
    public async Task A_rule_with_its_own_seed_ignores_the_server_seed()
    {
        var one = await PatternAsync(serverSeed: 1);
        var two = await PatternAsync(serverSeed: 2);

        // The same pattern twice proves nothing unless the rule fired on some requests and not on others.
        one.ShouldContain('x');
        one.ShouldContain('.');
        two.ShouldBe(one);

        static async Task<string> PatternAsync(int serverSeed)
        {
            await using var server = HttpFixtureServer.Start(Site, o =>
            {
                o.ChaosSeed = serverSeed;
                o.AddChaos(Chaos.Share(0.5).WithSeed(99).Respond(500));
            });
            using var client = server.CreateClient();
            for (var i = 0; i < 30; i++)
            {
                (await client.GetAsync("ok.txt", TestContext.Current.CancellationToken)).Dispose();
            }

            server.Requests.Where(r => r.StatusCode == 500).ShouldAllBe(r => r.AnsweredBy == ResponseSource.Chaos && r.ChaosRule == "50% of requests (seed 99) → 500");
            return string.Concat(server.Requests.Select(r => r.StatusCode == 500 ? 'x' : '.'));
        }
    }

    [Fact]
    public async Task Every_nth_request_gets_the_fault_and_the_journal_names_the_rule()
    {
        await using var server = HttpFixtureServer.Start(Site, o => o.AddChaos(Chaos.EveryNth(3).Respond(StubResponse.ResetConnection())));
        using var client = server.CreateClient();

        var outcomes = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            try
            {
                outcomes.Add(await client.GetStringAsync("ok.txt", TestContext.Current.CancellationToken));
            }
            catch (HttpRequestException)
            {
                outcomes.Add("reset");
            }
        }

        outcomes.ShouldBe(["ok", "ok", "reset", "ok", "ok", "reset", "ok"]);
        var third = server.Requests[2];
        third.Fault.ShouldBe(ResponseFault.ResetConnection);
        third.AnsweredBy.ShouldBe(ResponseSource.Chaos);
        third.ChaosRule.ShouldBe("every 3rd request → ResetConnection");
        third.ToString().ShouldBe("#3 GET /ok.txt → no response [ResetConnection] [chaos: every 3rd request → ResetConnection]");
        server.Requests[3].ChaosRule.ShouldBeNull();
        server.Requests[3].AnsweredBy.ShouldBe(ResponseSource.File);
    }

    [Fact]
    public async Task A_burst_of_requests_gets_the_status_and_the_rest_are_answered_as_usual()
    {
        await using var server = HttpFixtureServer.Start(Site, o => o.AddChaos(Chaos.Burst(first: 3, count: 2).Respond(503)));
        using var client = server.CreateClient();

        for (var i = 0; i < 6; i++)
        {
            (await client.GetAsync("ok.txt", TestContext.Current.CancellationToken)).Dispose();
        }

        server.Requests.Select(r => r.StatusCode).ShouldBe([200, 200, 503, 503, 200, 200]);
        server.Requests[2].ChaosRule.ShouldBe("requests 3 to 4 → 503");
    }

    [Fact]
    public async Task A_burst_window_of_time_opens_with_the_first_request_and_closes_after_its_duration()
    {
        await using var server = HttpFixtureServer.Start(Site, o => o.AddChaos(Chaos.Burst(TimeSpan.Zero, TimeSpan.FromMilliseconds(300)).Respond(503)));
        using var client = server.CreateClient();

        using var during = await client.GetAsync("ok.txt", TestContext.Current.CancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(400), TestContext.Current.CancellationToken); // at least the window: it has closed
        using var after = await client.GetAsync("ok.txt", TestContext.Current.CancellationToken);

        during.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
        server.Requests[0].ChaosRule.ShouldBe("requests from 0 ms to 300 ms after the first → 503");
    }

    [Fact]
    public async Task A_delay_holds_the_picked_request_and_lets_the_usual_stage_answer()
    {
        await using var server = HttpFixtureServer.Start(Site, o => o.AddChaos(Chaos.EveryNth(2).Delay(TimeSpan.FromMilliseconds(300))));
        using var client = server.CreateClient();

        (await client.GetStringAsync("ok.txt", TestContext.Current.CancellationToken)).ShouldBe("ok");
        (await client.GetStringAsync("ok.txt", TestContext.Current.CancellationToken)).ShouldBe("ok");

        var (fast, slow) = (server.Requests[0], server.Requests[1]);
        fast.ChaosRule.ShouldBeNull();
        slow.ChaosRule.ShouldBe("every 2nd request → delayed 300 ms");
        slow.AnsweredBy.ShouldBe(ResponseSource.File);
        await server.WaitForCompletionAsync(slow, cancellationToken: TestContext.Current.CancellationToken); // the duration is final at completion
        // .NET's timers count whole milliseconds, so a 300 ms delay can end a fraction of one early (299.6 ms was seen in CI);
        // a request that was not held at all would take a few milliseconds.
        slow.Duration.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(295));
    }

    [Fact]
    public async Task A_client_that_gives_up_during_a_delay_is_recorded_as_gone()
    {
        var done = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = HttpFixtureServer.Start(Site, o =>
        {
            o.AddChaos(Chaos.EveryNth(1).Delay(TimeSpan.FromMinutes(5)));
            o.OnRequestCompleted = r => done.TrySetResult(r);
        });
        using var client = server.CreateClient();
        client.Timeout = TimeSpan.FromMilliseconds(200);

        await Should.ThrowAsync<TaskCanceledException>(() => client.GetAsync("ok.txt", TestContext.Current.CancellationToken));

        var completed = await done.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        completed.ResponseAborted.ShouldBeTrue();
        completed.StatusCode.ShouldBe(0);
        completed.AnsweredBy.ShouldBe(ResponseSource.Chaos);
    }

    [Fact]
    public async Task Retry_after_is_sent_in_seconds_or_as_an_http_date()
    {
        await using var server = HttpFixtureServer.Start(Site);
        server.Stub(HttpMethod.Get, "/seconds").WithChaos(Chaos.EveryNth(1).Respond(503, TimeSpan.FromSeconds(2)));
        server.Stub(HttpMethod.Get, "/date").WithChaos(Chaos.EveryNth(1).Respond(503, TimeSpan.FromSeconds(2), RetryAfterFormat.HttpDate));
        using var client = server.CreateClient();

        using var seconds = await client.GetAsync("seconds", TestContext.Current.CancellationToken);
        var before = DateTimeOffset.UtcNow;
        using var date = await client.GetAsync("date", TestContext.Current.CancellationToken);

        seconds.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        seconds.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(2));
        var at = date.Headers.RetryAfter!.Date!.Value;
        at.ShouldBeGreaterThanOrEqualTo(before.AddSeconds(1)); // an HTTP date has whole seconds, rounded up past now + 2 s
        at.ShouldBeLessThanOrEqualTo(DateTimeOffset.UtcNow.AddSeconds(3));
        date.Headers.GetValues("Retry-After").Single().ShouldEndWith(" GMT");
    }

    [Fact]
    public async Task Stub_chaos_answers_picked_requests_without_using_up_the_stubs_sequence()
    {
        await using var server = HttpFixtureServer.Start(Site);
        var stub = server.Stub(HttpMethod.Get, "/orders/{id}")
            .WithChaos(Chaos.EveryNth(2).Respond(503))
            .Respond(StubResponse.Text("first"))
            .Respond(StubResponse.Text("second"));
        using var client = server.CreateClient();

        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync("orders/1", TestContext.Current.CancellationToken);
            answers.Add(response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken) : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
        }

        (await client.GetStringAsync("ok.txt", TestContext.Current.CancellationToken)).ShouldBe("ok"); // other paths see no chaos
        answers.ShouldBe(["first", "503", "second", "503", "second"]);
        stub.CallCount.ShouldBe(3);
        server.Requests[1].AnsweredBy.ShouldBe(ResponseSource.Stub);
        server.Requests[1].ChaosRule.ShouldBe("every 2nd request → 503");
    }

    [Fact]
    public async Task Reset_starts_server_wide_rules_counting_again()
    {
        await using var server = HttpFixtureServer.Start(Site, o => o.AddChaos(Chaos.EveryNth(2).Respond(503)));
        using var client = server.CreateClient();

        (await client.GetAsync("ok.txt", TestContext.Current.CancellationToken)).Dispose();
        server.Reset();
        (await client.GetAsync("ok.txt", TestContext.Current.CancellationToken)).Dispose();
        (await client.GetAsync("ok.txt", TestContext.Current.CancellationToken)).Dispose();

        server.Requests.Select(r => r.StatusCode).ShouldBe([200, 503]);
    }

    [Fact]
    public async Task Journal_summary_and_verify_end_with_the_seed_that_replays_the_rules()
    {
        await using var server = HttpFixtureServer.Start(Site, o =>
        {
            o.Strict = true;
            o.ChaosSeed = 1234;
            o.AddChaos(Chaos.Share(0.25).Respond(503));
        });
        server.Stub(HttpMethod.Get, "/orders/{id}").WithChaos(Chaos.EveryNth(3).Respond(StubResponse.ResetConnection())).WithRateLimit(RateLimit.Allow(2, TimeSpan.FromSeconds(1)));
        using var client = server.CreateClient();
        (await client.GetAsync("nothing-here", TestContext.Current.CancellationToken)).Dispose();

        const string note = """
            Chaos seed 1234 (HttpFixtureOptions.ChaosSeed = 1234, or FAKEHTTP_CHAOS_SEED=1234, replays it); rules:
              server: chaos 25% of requests (seed 1234) → 503
              GET /orders/{id}: rate limit 2 requests per 1 s → 429
              GET /orders/{id}: chaos every 3rd request → ResetConnection
            """;
        server.JournalSummary().ShouldEndWith(note.ReplaceLineEndings("\n") + "\n");
        var failure = Should.Throw<HttpFixtureVerificationException>(server.Verify);
        failure.Message.ShouldEndWith(note.ReplaceLineEndings("\n"));
        failure.Problems.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_server_without_chaos_says_nothing_of_it()
    {
        await using var server = HttpFixtureServer.Start(Site);
        using var client = server.CreateClient();
        (await client.GetAsync("ok.txt", TestContext.Current.CancellationToken)).Dispose();

        server.JournalSummary().ShouldBe("#1 GET /ok.txt → 200\n");
    }

    [Fact]
    public void A_rule_that_says_nothing_of_what_the_picked_requests_get_is_refused()
    {
        var ex = Should.Throw<ArgumentException>(() => HttpFixtureServer.Start(Site, o => o.AddChaos(Chaos.EveryNth(2))));

        ex.Message.ShouldStartWith("The chaos rule \"every 2nd request → nothing yet: give it Respond(…) or Delay(…)\" says which requests it picks but not what they get: add .Respond(503)");
    }

    [Fact]
    public void Rules_describe_themselves()
    {
        Chaos.Share(0.3).Respond(503).ToString().ShouldBe("30% of requests → 503");
        Chaos.Share(0.125).WithSeed(7).Respond(StubResponse.Hang()).ToString().ShouldBe("12.5% of requests (seed 7) → Hang");
        Chaos.EveryNth(1).Respond(500).ToString().ShouldBe("every request → 500");
        Chaos.EveryNth(22).Respond(500).ToString().ShouldBe("every 22nd request → 500");
        Chaos.EveryNth(12).Respond(500).ToString().ShouldBe("every 12th request → 500");
        Chaos.Burst(5, 1).Delay(TimeSpan.FromSeconds(2)).ToString().ShouldBe("request 5 → delayed 2 s");
        Chaos.EveryNth(4).Respond(429, TimeSpan.FromSeconds(3), RetryAfterFormat.HttpDate).ToString().ShouldBe("every 4th request → 429 with Retry-After 3 s (HTTP date)");
        RateLimit.Allow(1, TimeSpan.FromMilliseconds(500)).PerConnection().WithStatus(503).ToString().ShouldBe("1 request per 500 ms per connection → 503");
    }

    [Fact]
    public async Task Servers_without_chaos_or_rate_limits_have_no_stage_for_them()
    {
        await using var plain = HttpFixtureServer.Start(Site);
        var stages = Stages(new HttpFixtureOptions());
        var withBoth = Stages(new HttpFixtureOptions().AddRateLimit(RateLimit.Allow(1, TimeSpan.FromSeconds(1))).AddChaos(Chaos.EveryNth(2).Respond(503)));

        stages.ShouldBe([ResponseSource.Queue, ResponseSource.Stub, ResponseSource.Extension, ResponseSource.Extension, ResponseSource.File, ResponseSource.Fallback]);
        withBoth.ShouldBe([ResponseSource.RateLimit, ResponseSource.Chaos, ResponseSource.Queue, ResponseSource.Stub, ResponseSource.Extension, ResponseSource.Extension, ResponseSource.File, ResponseSource.Fallback]);
        stages.ShouldBeInOrder(SortDirection.Ascending, "the enum's values follow the order in which the stages are asked");

        static ResponseSource[] Stages(HttpFixtureOptions options) =>
            [.. ResponderChain.Create(options, new MemoryTree(Site, new ContentTypeMap(options.ContentTypes)), new StubRegistry(), new ResponseQueue(), new ProblemLog(), new ServerChaos(options.ChaosSeed, options.RateLimits, options.ChaosRules), new ExtensionPoints(), CancellationToken.None).Select(r => r.Stage)];
    }
}
