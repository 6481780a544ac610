using System.Net;

namespace FakeHttpFixture.Tests.Responses;

public sealed class VerifyTests
{
    [Fact]
    public async Task Strict_mode_answers_501_to_what_nothing_matches_and_verify_lists_it()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["known.txt"] = "k" }, o => o.Strict = true);
        server.Stub(HttpMethod.Get, "/health").Respond(StubResponse.Text("up"));
        using var client = server.CreateClient();

        (await client.GetStringAsync("health", TestContext.Current.CancellationToken)).ShouldBe("up");
        (await client.GetStringAsync("known.txt", TestContext.Current.CancellationToken)).ShouldBe("k");
        using var unexpected = await client.PostAsync("orders?dry=1", new StringContent("{}"), TestContext.Current.CancellationToken);

        unexpected.StatusCode.ShouldBe(HttpStatusCode.NotImplemented);
        const string Report = """
            #3 POST /orders?dry=1 matched no stub or file and was answered 501.
            The only stub:
              1. GET /health
                 ✗ method: expected GET, received POST
                 ✗ path /health: received /orders, segment 1 is "orders", not "health"
            """;
        (await unexpected.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldStartWith("FakeHttpFixture (strict): " + Report.ReplaceLineEndings("\n"));
        server.Requests.Select(r => r.Unmatched).ShouldBe([false, false, true]);
        var ex = Should.Throw<HttpFixtureVerificationException>(server.Verify);
        ex.Problems.ShouldHaveSingleItem().ShouldBe(Report.ReplaceLineEndings("\n").TrimEnd('\n'));
        ex.Message.ShouldBe("The fixture server found a problem: " + Report.ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    [Fact]
    public async Task Strict_mode_answers_501_whatever_the_fallback_status_says()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o =>
        {
            o.Strict = true;
            o.FallbackStatusCode = 202;
        });
        using var client = server.CreateClient();

        using var response = await client.PostAsync("missing", null, TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBe(501);
        server.Requests.ShouldHaveSingleItem().Unmatched.ShouldBeTrue();
    }

    [Fact]
    public async Task Without_strict_mode_a_missing_file_is_a_404_and_not_a_problem()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();

        (await client.GetAsync("missing", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        server.Requests.ShouldHaveSingleItem().Unmatched.ShouldBeFalse();
        server.Verify();
    }

    [Fact]
    public async Task A_required_stub_that_was_never_called_fails_verify_until_it_is_called()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Post, "/audit").Required().Respond(202);
        using var client = server.CreateClient();

        Should.Throw<HttpFixtureVerificationException>(server.Verify).Problems.ShouldBe(["The required stub POST /audit was never called."]);
        (await client.PostAsync("audit", null, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        server.Verify();
    }

    [Fact]
    public async Task A_handler_that_throws_answers_500_and_verify_reports_the_exception()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/boom").Respond(StubResponse.Handler(_ => throw new InvalidOperationException("The fake ran out of orders.")));
        using var client = server.CreateClient();

        using var response = await client.GetAsync("boom", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("The fake ran out of orders.");
        server.Requests.ShouldHaveSingleItem().StatusCode.ShouldBe(500);
        var ex = Should.Throw<HttpFixtureVerificationException>(server.Verify);
        ex.Problems.ShouldBe(["The handler for #1 GET /boom threw InvalidOperationException: The fake ran out of orders. The client saw 500."]);
        ex.InnerException.ShouldBeOfType<InvalidOperationException>().Message.ShouldBe("The fake ran out of orders.");
    }

    [Fact]
    public async Task A_handler_that_throws_mid_body_breaks_the_connection_and_verify_says_so()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/partial").Respond(StubResponse.Handler(async ctx =>
        {
            ctx.Response.ContentLength = 100;
            await ctx.Response.Body.WriteAsync("half"u8.ToArray(), ctx.RequestAborted);
            await ctx.Response.Body.FlushAsync(ctx.RequestAborted);
            throw new InvalidOperationException("Broke mid-body.");
        }));
        using var client = server.CreateClient();

        var ex = await Should.ThrowAsync<HttpRequestException>(() => client.GetStringAsync("partial", TestContext.Current.CancellationToken));

        ex.InnerException.ShouldBeAssignableTo<IOException>();
        Should.Throw<HttpFixtureVerificationException>(server.Verify).Problems.ShouldBe(
            ["The handler for #1 GET /partial threw InvalidOperationException: Broke mid-body. The response had started, so the connection was aborted."]);
    }

    [Fact]
    public async Task A_stub_is_required_only_once_marked_so()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        var optional = server.Stub(HttpMethod.Get, "/optional");
        var needed = server.Stub(HttpMethod.Get, "/needed").Required();

        optional.IsRequired.ShouldBeFalse();
        needed.IsRequired.ShouldBeTrue();
        Should.Throw<HttpFixtureVerificationException>(server.Verify).Problems.ShouldBe(["The required stub GET /needed was never called."]);
    }

    [Fact]
    public async Task Verify_lists_every_problem_in_one_exception()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.Strict = true);
        server.Stub(HttpMethod.Get, "/needed").Required();
        server.Stub(HttpMethod.Get, "/file").Respond(StubResponse.File("not/there.json"));
        using var client = server.CreateClient();

        (await client.GetAsync("file", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await client.GetAsync("nope", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotImplemented);

        var ex = Should.Throw<HttpFixtureVerificationException>(server.Verify);
        ex.Problems.Count.ShouldBe(3);
        ex.Message.ShouldStartWith("The fixture server found 3 problems:");
        ex.Message.ShouldContain("FileNotFoundException: The stubbed file '/not/there.json' is not in the served tree.");
        ex.Message.ShouldContain("#2 GET /nope matched no stub or file");
        ex.Message.ShouldContain("The required stub GET /needed was never called.");
    }

    [Fact]
    public async Task Reset_forgets_stubs_queue_journal_and_problems()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.Strict = true);
        server.Stub(HttpMethod.Get, "/a").Required().Respond(StubResponse.Text("a"));
        server.Enqueue(503);
        using var client = server.CreateClient();
        (await client.GetAsync("b", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync("b", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotImplemented);
        server.Enqueue(503);

        server.Reset();

        server.Requests.ShouldBeEmpty();
        server.Verify();
        (await client.GetAsync("a", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotImplemented);
        server.Requests.ShouldHaveSingleItem().Unmatched.ShouldBeTrue();
    }

    [Fact]
    public async Task Verify_on_dispose_makes_dispose_throw_the_verification_exception()
    {
        var server = HttpFixtureServer.Start(new FileTree(), o => o.VerifyOnDispose = true);
        server.Stub(HttpMethod.Get, "/login").Required();

        var ex = await Should.ThrowAsync<HttpFixtureVerificationException>(() => server.DisposeAsync().AsTask());

        ex.Problems.ShouldBe(["The required stub GET /login was never called."]);
    }

    [Fact]
    public async Task Verify_on_dispose_is_silent_when_nothing_went_wrong()
    {
        var server = HttpFixtureServer.Start(new FileTree(), o => o.VerifyOnDispose = true);
        server.Stub(HttpMethod.Get, "/login").Required();
        using (var client = server.CreateClient())
        {
            (await client.GetAsync("login", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await server.DisposeAsync();
    }
}
