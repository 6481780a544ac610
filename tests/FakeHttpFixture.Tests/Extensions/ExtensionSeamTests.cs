using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture.Tests.Extensions;

public sealed class ExtensionSeamTests
{
    [Fact]
    public async Task An_added_stage_answers_after_the_stubs_and_is_named_in_the_journal()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["hello.txt"] = "from the tree" }, o => o.OnServerStarted(s => s.AddStage(new PathStage("/made-up", "made up"), StagePosition.WithStubs)));
        server.Stub(HttpMethod.Get, "/made-up/stubbed").Respond(StubResponse.Text("stub wins"));
        using var client = server.CreateClient();

        (await client.GetStringAsync("made-up/x", TestContext.Current.CancellationToken)).ShouldBe("made up");
        (await client.GetStringAsync("made-up/stubbed", TestContext.Current.CancellationToken)).ShouldBe("stub wins");
        (await client.GetStringAsync("hello.txt", TestContext.Current.CancellationToken)).ShouldBe("from the tree");

        var first = await server.WaitForCompletionAsync(server.Requests[0]);
        first.AnsweredBy.ShouldBe(ResponseSource.Extension);
        first.AnsweringStage.ShouldBe("test-stage");
        first.StatusCode.ShouldBe(202);
        first.ResponseBodyLength.ShouldBe("made up".Length);
        (await server.WaitForCompletionAsync(server.Requests[1])).AnsweredBy.ShouldBe(ResponseSource.Stub);
        (await server.WaitForCompletionAsync(server.Requests[2])).AnsweringStage.ShouldBeNull();
    }

    [Fact]
    public async Task A_stage_after_replay_comes_before_the_files()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["made-up/file.txt"] = "file" });
        server.AddStage(new PathStage("/made-up", "stage"), StagePosition.AfterReplay);
        using var client = server.CreateClient();

        (await client.GetStringAsync("made-up/file.txt", TestContext.Current.CancellationToken)).ShouldBe("stage");
    }

    [Fact]
    public async Task Own_pages_answer_without_being_recorded()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.MapOwnPages("/__own", ctx => ctx.Response.WriteAsync("own page " + ctx.Request.Path));
        using var client = server.CreateClient();

        (await client.GetStringAsync("__own/status", TestContext.Current.CancellationToken)).ShouldBe("own page /__own/status");
        (await client.GetAsync("__ownership", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        server.Requests.Select(r => r.Path).ShouldBe(["/__ownership"]);
    }

    [Fact]
    public async Task An_observer_sees_each_completed_exchange_and_its_problems_fail_Verify()
    {
        var seen = new ConcurrentQueue<(string Path, int Status)>();
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" });
        server.AddObserver(new Observer(seen, both, expected: 2));
        using var client = server.CreateClient();

        await client.GetStringAsync("a.txt", TestContext.Current.CancellationToken);
        (await client.GetAsync("missing", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await both.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        seen.ShouldBe([("/a.txt", 200), ("/missing", 404)]);
        var failure = Should.Throw<HttpFixtureVerificationException>(server.Verify);
        failure.Message.ShouldContain("GET /missing answered 404, which the observer did not expect.");
        failure.ShouldBeAssignableTo<HttpFixtureAssertionException>("one catch covers every failed check of the fixture");

        server.Reset();
        server.Verify();
    }

    [Fact]
    public async Task An_observer_hears_a_request_arrive_before_its_response_is_released()
    {
        var arrived = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/held").Respond(StubResponse.Handler(async ctx =>
        {
            await release.Task;
            await ctx.Response.WriteAsync("released");
        }));
        server.AddObserver(new ArrivalObserver(arrived));
        using var client = server.CreateClient();

        var response = client.GetStringAsync("held", TestContext.Current.CancellationToken);
        var request = await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        request.Path.ShouldBe("/held");
        request.IsCompleted.ShouldBeFalse();
        release.SetResult();
        (await response).ShouldBe("released");
    }

    [Fact]
    public async Task Per_server_state_is_made_once()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        var made = 0;
        var first = server.GetOrAddExtension(s => new List<string> { s.BaseAddress.ToString(), (++made).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var second = server.GetOrAddExtension<List<string>>(_ => throw new InvalidOperationException("made twice"));

        second.ShouldBeSameAs(first);
        made.ShouldBe(1);
    }

    [Fact]
    public async Task A_started_callback_that_throws_fails_the_start_and_frees_the_port()
    {
        var port = 0;
        var error = await Should.ThrowAsync<InvalidOperationException>(() => HttpFixtureServer.StartAsync(o => o.OnServerStarted(s =>
        {
            port = s.Port;
            throw new InvalidOperationException("the package refused");
        }), TestContext.Current.CancellationToken));

        error.Message.ShouldBe("the package refused");
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, port);
        listener.Start();
    }

    private sealed class PathStage(string prefix, string text) : IAnsweringStage
    {
        public string Name => "test-stage";

        public async ValueTask<bool> TryAnswerAsync(FixtureExchange exchange)
        {
            if (!exchange.Request.Path.StartsWith(prefix, StringComparison.Ordinal))
            {
                return false;
            }

            exchange.HttpContext.Response.StatusCode = 202;
            await exchange.HttpContext.Response.WriteAsync(text, exchange.Aborted);
            return true;
        }
    }

    private sealed class ArrivalObserver(TaskCompletionSource<RecordedRequest> arrived) : IExchangeObserver
    {
        public void OnRequestArrived(RecordedRequest request, HttpFixtureServer server) => arrived.TrySetResult(request);

        public void OnExchangeCompleted(RecordedRequest request, HttpFixtureServer server)
        {
        }
    }

    // The observer runs once the response has gone out, a moment after the client has read it: the test waits for the calls.
    private sealed class Observer(ConcurrentQueue<(string Path, int Status)> seen, TaskCompletionSource done, int expected) : IExchangeObserver
    {
        public void OnExchangeCompleted(RecordedRequest request, HttpFixtureServer server)
        {
            seen.Enqueue((request.Path, request.StatusCode));
            if (seen.Count == expected)
            {
                done.TrySetResult();
            }

            if (request.StatusCode == 404)
            {
                server.ReportProblem($"{request.Method} {request.Path} answered 404, which the observer did not expect.");
            }
        }
    }
}
