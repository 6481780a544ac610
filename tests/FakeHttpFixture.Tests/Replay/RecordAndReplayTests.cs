using System.Net;
using System.Text;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Replay;

/// <summary>
/// Record once through ProxyTo, save the HAR, stop the real service, and ReplayHar answers the same: status, headers and bytes.
/// Another fixture server on loopback plays the real service.
/// </summary>
public sealed class RecordAndReplayTests
{
    private static readonly byte[] Logo = [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 1, 2, 3, 255, 254, 0, 10, 13];

    [Fact]
    public async Task A_recording_replays_the_same_status_headers_and_bytes_once_the_service_is_gone()
    {
        using var temp = new TempDirectory();
        var har = Path.Combine(temp.Path, "service.har");
        var upstream = HttpFixtureServer.Start(new FileTree { ["logo.png"] = "" });
        upstream.Stub(HttpMethod.Get, "/api/items/{id}").Respond(StubResponse.Json(new { id = 1, name = "café ✓" }));
        upstream.Stub(HttpMethod.Get, "/logo.png").Respond(StubResponse.Bytes(Logo, "image/png").WithHeader("Cache-Control", "max-age=60"));
        upstream.Stub(HttpMethod.Post, "/api/orders").Respond(StubResponse.Text("""{"order":7}""", "application/json").WithStatus(201).WithHeader("Location", "/api/orders/7"));
        upstream.Stub(HttpMethod.Get, "/page").Respond(StubResponse.Text("<!doctype html><p>Grüße & <b>bold</b></p>", "text/html; charset=utf-8").Chunked(8));
        upstream.Stub(HttpMethod.Get, "/page.gz").Respond(StubResponse.Bytes(Gzip.Compress("<p>zipped</p>"), "text/html").WithHeader("Content-Encoding", "gzip"));
        upstream.Stub(HttpMethod.Delete, "/api/orders/7").Respond(StubResponse.Status(204).WithHeader("X-Deleted", "7"));
        upstream.Stub(HttpMethod.Get, "/missing").Respond(StubResponse.Text("gone", "text/plain").WithStatus(410));
        List<Answer> recorded;
        await using (var recorder = HttpFixtureServer.Start(o => o.ProxyTo(upstream.BaseAddress)))
        {
            recorded = await SendAllAsync(recorder.BaseAddress);
            recorder.SaveHar(har);
            recorder.Requests.Select(r => r.AnsweredBy).Distinct().ShouldBe([ResponseSource.Proxy]);
        }

        await upstream.DisposeAsync();
        await using var replay = HttpFixtureServer.Start(o =>
        {
            o.ReplayHar(har);
            o.Strict = true;
        });

        var replayed = await SendAllAsync(replay.BaseAddress);

        replayed.Count.ShouldBe(recorded.Count);
        for (var i = 0; i < recorded.Count; i++)
        {
            replayed[i].Status.ShouldBe(recorded[i].Status, recorded[i].What);
            replayed[i].Headers.ShouldBe(recorded[i].Headers, recorded[i].What);
            replayed[i].Body.ShouldBe(recorded[i].Body, recorded[i].What);
        }

        await replay.DisposeAsync();   // which waits for the last exchange to complete, so every record is final
        replay.Requests.Select(r => r.AnsweredBy).Distinct().ShouldBe([ResponseSource.Replay]);
        replay.Verify();
    }

    [Fact]
    public async Task A_stub_of_the_test_wins_over_a_replayed_entry()
    {
        using var temp = new TempDirectory();
        var har = await RecordAsync(temp, async (upstream, client) =>
        {
            upstream.Stub(HttpMethod.Get, "/api/flag").Respond(StubResponse.Text("recorded"));
            await client.GetStringAsync("api/flag");
        });
        await using var replay = HttpFixtureServer.Start(o => o.ReplayHar(har));
        replay.Stub(HttpMethod.Get, "/api/flag").Respond(StubResponse.Text("stubbed"));
        using var client = replay.CreateClient();

        (await client.GetStringAsync("api/flag", TestContext.Current.CancellationToken)).ShouldBe("stubbed");

        await replay.DisposeAsync();
        replay.Requests.ShouldHaveSingleItem().AnsweredBy.ShouldBe(ResponseSource.Stub);
    }

    [Fact]
    public async Task Repeated_requests_play_the_recorded_answers_in_order_and_the_last_repeats()
    {
        using var temp = new TempDirectory();
        var har = await RecordAsync(temp, async (upstream, client) =>
        {
            upstream.Stub(HttpMethod.Get, "/job").Respond(StubResponse.Text("queued")).Respond(StubResponse.Text("running")).Respond(StubResponse.Text("done"));
            for (var i = 0; i < 3; i++)
            {
                await client.GetStringAsync("job");
            }
        });
        await using var replay = HttpFixtureServer.Start(o => o.ReplayHar(har));
        using var client = replay.CreateClient();

        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await client.GetStringAsync("job", TestContext.Current.CancellationToken));
        }

        answers.ShouldBe(["queued", "running", "done", "done", "done"]);
        replay.Reset();
        (await client.GetStringAsync("job", TestContext.Current.CancellationToken)).ShouldBe("queued", "Reset plays the recording from the start again");
    }

    [Fact]
    public async Task Entries_that_differ_only_by_body_are_told_apart_by_the_body()
    {
        using var temp = new TempDirectory();
        var har = await RecordAsync(temp, async (upstream, client) =>
        {
            upstream.Stub(HttpMethod.Post, "/graphql").Where(r => r.BodyText == "{user}").Respond(StubResponse.Text("answer to {user}"));
            upstream.Stub(HttpMethod.Post, "/graphql").Where(r => r.BodyText == "{cart}").Respond(StubResponse.Text("answer to {cart}"));
            await client.PostAsync("graphql", new StringContent("{user}"));
            await client.PostAsync("graphql", new StringContent("{cart}"));
        });
        await using var replay = HttpFixtureServer.Start(o =>
        {
            o.ReplayHar(har);
            o.Strict = true;
        });
        using var client = replay.CreateClient();

        (await (await client.PostAsync("graphql", new StringContent("{cart}"), TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("answer to {cart}");
        (await (await client.PostAsync("graphql", new StringContent("{user}"), TestContext.Current.CancellationToken)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("answer to {user}");
        using var unknown = await client.PostAsync("graphql", new StringContent("{orders}"), TestContext.Current.CancellationToken);

        unknown.StatusCode.ShouldBe(HttpStatusCode.NotImplemented, "a body the recording does not hold matches none of its entries");
        Should.Throw<HttpFixtureVerificationException>(replay.Verify).Message.ShouldContain("POST /graphql");
    }

    [Fact]
    public async Task A_single_recorded_post_answers_whatever_body_is_sent()
    {
        using var temp = new TempDirectory();
        var har = await RecordAsync(temp, async (upstream, client) =>
        {
            upstream.Stub(HttpMethod.Post, "/events").Respond(StubResponse.Status(202));
            await client.PostAsync("events", new StringContent("""{"at":"10:00"}"""));
        });
        await using var replay = HttpFixtureServer.Start(o => o.ReplayHar(har));
        using var client = replay.CreateClient();

        using var response = await client.PostAsync("events", new StringContent("""{"at":"11:30"}"""), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Query_parameters_match_in_any_order_but_all_of_them()
    {
        using var temp = new TempDirectory();
        var har = await RecordAsync(temp, async (upstream, client) =>
        {
            upstream.Stub(HttpMethod.Get, "/search").Respond(StubResponse.Text("results"));
            await client.GetStringAsync("search?q=caf%C3%A9&page=2");
        });
        await using var replay = HttpFixtureServer.Start(o => o.ReplayHar(har));
        using var client = replay.CreateClient();

        (await client.GetStringAsync("search?page=2&q=café", TestContext.Current.CancellationToken)).ShouldBe("results");
        (await client.GetAsync("search?q=café", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task What_the_recording_lacks_goes_on_to_the_files_and_the_fallback()
    {
        using var temp = new TempDirectory();
        var har = await RecordAsync(temp, async (upstream, client) =>
        {
            upstream.Stub(HttpMethod.Get, "/api/me").Respond(StubResponse.Json(new { name = "ada" }));
            await client.GetStringAsync("api/me");
        });
        await using var replay = HttpFixtureServer.Start(new FileTree { ["local.txt"] = "from the tree" }, o => o.ReplayHar(har));
        using var client = replay.CreateClient();

        (await client.GetStringAsync("api/me", TestContext.Current.CancellationToken)).ShouldBe("""{"name":"ada"}""");
        (await client.GetStringAsync("local.txt", TestContext.Current.CancellationToken)).ShouldBe("from the tree");
        (await client.GetAsync("api/other", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await replay.DisposeAsync();
        replay.Requests.Select(r => r.AnsweredBy).ShouldBe([ResponseSource.Replay, ResponseSource.File, ResponseSource.Fallback]);
    }

    [Fact]
    public async Task Replay_and_proxy_together_answer_what_was_recorded_and_forward_the_rest()
    {
        using var temp = new TempDirectory();
        var har = await RecordAsync(temp, async (upstream, client) =>
        {
            upstream.Stub(HttpMethod.Get, "/a").Respond(StubResponse.Text("recorded a"));
            await client.GetStringAsync("a");
        });
        await using var live = HttpFixtureServer.Start(new FileTree { ["a"] = "live a", ["b"] = "live b" });
        await using var both = HttpFixtureServer.Start(o =>
        {
            o.ReplayHar(har);
            o.ProxyTo(live.BaseAddress);
        });
        using var client = both.CreateClient();

        (await client.GetStringAsync("a", TestContext.Current.CancellationToken)).ShouldBe("recorded a");
        (await client.GetStringAsync("b", TestContext.Current.CancellationToken)).ShouldBe("live b");

        live.Requests.Select(r => r.Path).ShouldBe(["/b"]);
        var refreshed = Path.Combine(temp.Path, "refreshed.har");
        both.SaveHar(refreshed);
        await using var again = HttpFixtureServer.Start(o => o.ReplayHar(refreshed));
        using var second = again.CreateClient();
        (await second.GetStringAsync("a", TestContext.Current.CancellationToken)).ShouldBe("recorded a");
        (await second.GetStringAsync("b", TestContext.Current.CancellationToken)).ShouldBe("live b");
    }

    [Fact]
    public async Task RecordResponseBodies_makes_a_replayable_recording_of_stubs_and_files()
    {
        using var temp = new TempDirectory();
        var har = Path.Combine(temp.Path, "stubs.har");
        await using (var stubbed = HttpFixtureServer.Start(new FileTree { ["site.css"] = "body{}" }, o => o.RecordResponseBodies = true))
        {
            stubbed.Stub(HttpMethod.Get, "/api/config").Respond(StubResponse.Json(new { retries = 3 }));
            using var client = stubbed.CreateClient();
            await client.GetStringAsync("api/config", TestContext.Current.CancellationToken);
            await client.GetStringAsync("site.css", TestContext.Current.CancellationToken);
            stubbed.Requests.Select(r => Encoding.UTF8.GetString(r.ResponseBody!)).ShouldBe(["""{"retries":3}""", "body{}"]);
            stubbed.SaveHar(har);
        }

        await using var replay = HttpFixtureServer.Start(o => o.ReplayHar(har));
        using var replayClient = replay.CreateClient();

        (await replayClient.GetStringAsync("api/config", TestContext.Current.CancellationToken)).ShouldBe("""{"retries":3}""");
        (await replayClient.GetStringAsync("site.css", TestContext.Current.CancellationToken)).ShouldBe("body{}");
    }

    [Fact]
    public async Task A_server_that_neither_proxies_nor_records_bodies_keeps_none()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" });
        using var client = server.CreateClient();

        await client.GetStringAsync("a.txt", TestContext.Current.CancellationToken);

        server.Requests.ShouldHaveSingleItem().ResponseBody.ShouldBeNull();
        server.Requests[0].OpenResponseBody().ShouldBeNull();
    }

    private static async Task<string> RecordAsync(TempDirectory temp, Func<HttpFixtureServer, HttpClient, Task> session)
    {
        var har = Path.Combine(temp.Path, Guid.NewGuid().ToString("N") + ".har");
        await using var upstream = HttpFixtureServer.Start(new FileTree());
        await using var recorder = HttpFixtureServer.Start(o => o.ProxyTo(upstream.BaseAddress));
        using var client = recorder.CreateClient();
        await session(upstream, client);
        recorder.SaveHar(har);
        return har;
    }

    // Every header the client sees, content headers included, in order; Date is the recorded one on replay, so it compares too.
    private static async Task<List<Answer>> SendAllAsync(Uri baseAddress)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseAddress };
        var answers = new List<Answer>();
        foreach (var (method, path, body) in new (HttpMethod, string, string?)[]
        {
            (HttpMethod.Get, "api/items/1", null), (HttpMethod.Get, "logo.png", null), (HttpMethod.Post, "api/orders", """{"item":"book"}"""),
            (HttpMethod.Get, "page", null), (HttpMethod.Get, "page.gz", null), (HttpMethod.Delete, "api/orders/7", null), (HttpMethod.Get, "missing", null),
        })
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json") };
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var headers = response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(" | ", h.Value)}").ToList();
            answers.Add(new Answer($"{method} {path}", (int)response.StatusCode, headers, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)));
        }

        return answers;
    }

    private sealed record Answer(string What, int Status, List<string> Headers, byte[] Body);
}
