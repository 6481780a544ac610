namespace FakeHttpFixture.Tests.Recording;

/// <summary>Reset starts a shared server clean for the next test: journal, check marks, take position, pending waits and Verify's problems.</summary>
public sealed class ResetTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task After_reset_nothing_else_sees_only_what_arrived_since()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" });
        using var client = server.CreateClient();
        await client.GetStringAsync("a.txt", TestContext.Current.CancellationToken);
        using (await client.GetAsync("unchecked", TestContext.Current.CancellationToken))
        {
        }

        server.ShouldHaveReceived(HttpMethod.Get, "/a.txt");
        Should.Throw<HttpFixtureAssertionException>(server.ShouldHaveReceivedNothingElse);

        server.Reset();

        server.ShouldHaveReceivedNothing();
        server.ShouldHaveReceivedNothingElse();
        await client.GetStringAsync("a.txt?new", TestContext.Current.CancellationToken);
        var ex = Should.Throw<HttpFixtureAssertionException>(server.ShouldHaveReceivedNothingElse);
        ex.Message.ShouldBe("Expected no requests beyond those the test checked, but 1 of 1 was not checked by a ShouldHaveReceived, wait or take:\n  #3 GET /a.txt?new → 200");
        server.ShouldHaveReceived(HttpMethod.Get, "/a.txt?new");
        server.ShouldHaveReceivedNothingElse();
    }

    [Fact]
    public async Task After_reset_take_returns_the_first_request_since_not_one_left_untaken_before()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" });
        using var client = server.CreateClient();
        await client.GetStringAsync("a.txt?1", TestContext.Current.CancellationToken);
        await client.GetStringAsync("a.txt?2", TestContext.Current.CancellationToken);
        (await server.TakeRequestAsync(Generous, TestContext.Current.CancellationToken)).QueryString.ShouldBe("?1");

        server.Reset();
        await client.GetStringAsync("a.txt?3", TestContext.Current.CancellationToken);
        await client.GetStringAsync("a.txt?4", TestContext.Current.CancellationToken);

        (await server.TakeRequestAsync(Generous, TestContext.Current.CancellationToken)).QueryString.ShouldBe("?3");
        (await server.TakeRequestAsync(Generous, TestContext.Current.CancellationToken)).QueryString.ShouldBe("?4");
        server.ShouldHaveReceivedNothingElse();
        await Should.ThrowAsync<TimeoutException>(() => server.TakeRequestAsync(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_wait_pending_across_a_reset_counts_only_requests_since()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" });
        using var client = server.CreateClient();
        var wait = server.WaitForRequestsAsync(2, r => r.Path == "/a.txt", Generous, TestContext.Current.CancellationToken);
        await client.GetStringAsync("a.txt?before", TestContext.Current.CancellationToken);

        server.Reset();
        await client.GetStringAsync("a.txt?after1", TestContext.Current.CancellationToken);
        await client.GetStringAsync("a.txt?after2", TestContext.Current.CancellationToken);

        (await wait).Select(r => r.QueryString).ShouldBe(["?after1", "?after2"]);
        server.ShouldHaveReceivedNothingElse();
    }

    [Fact]
    public async Task Reset_forgets_what_verify_would_have_reported_and_what_it_reports_after_is_new()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.Strict = true);
        server.Stub(HttpMethod.Get, "/required").Respond(200).Required();
        using var client = server.CreateClient();
        using (await client.GetAsync("nobody-expects-this", TestContext.Current.CancellationToken))
        {
        }

        var before = Should.Throw<HttpFixtureVerificationException>(server.Verify);
        before.Problems.Count.ShouldBe(2);

        server.Reset();
        server.Verify();
        using (await client.GetAsync("again", TestContext.Current.CancellationToken))
        {
        }

        var after = Should.Throw<HttpFixtureVerificationException>(server.Verify);
        after.Problems.ShouldHaveSingleItem().ShouldBe("#2 GET /again matched no stub or file and was answered 501.\nNo stubs are set up.");
        server.ShouldHaveReceived(HttpMethod.Get, "/again").Unmatched.ShouldBeTrue();
        server.ShouldHaveReceivedNothingElse();
    }

    [Fact]
    public async Task Verify_on_dispose_after_a_reset_reports_only_problems_since()
    {
        var server = HttpFixtureServer.Start(new FileTree(), o =>
        {
            o.Strict = true;
            o.VerifyOnDispose = true;
        });
        using (var client = server.CreateClient())
        {
            using (await client.GetAsync("unexpected", TestContext.Current.CancellationToken))
            {
            }
        }

        server.Reset();

        await server.DisposeAsync();
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Verify_on_dispose_still_reports_a_problem_made_after_the_reset()
    {
        var server = HttpFixtureServer.Start(new FileTree(), o =>
        {
            o.Strict = true;
            o.VerifyOnDispose = true;
        });
        server.Reset();
        using (var client = server.CreateClient())
        {
            using (await client.GetAsync("unexpected", TestContext.Current.CancellationToken))
            {
            }
        }

        var ex = await Should.ThrowAsync<HttpFixtureVerificationException>(() => server.DisposeAsync().AsTask());
        ex.Problems.ShouldHaveSingleItem().ShouldContain("GET /unexpected");
    }
}
