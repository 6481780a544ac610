using System.Net;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;

namespace FakeHttpFixture.Tests.Streams;

/// <summary>Event streams as .NET's own SseParser reads them, over HTTP/1.1, HTTP/2 and TLS, with waits, keep-alives, feeds and breaks.</summary>
public sealed class EventStreamTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    private readonly Completions _completions = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_reach_SseParser_with_type_data_id_and_retry()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/events").Respond(StubResponse.EventStream(
            new SseItem<string>("first"),
            new SseItem<string>("line one\nline two", "update") { EventId = "2" },
            new SseItem<string>("{\"done\":true}", "done") { EventId = "3", ReconnectionInterval = TimeSpan.FromMilliseconds(1500) }));
        using var client = server.CreateClient();

        using var response = await client.GetAsync("events", HttpCompletionOption.ResponseHeadersRead, Token);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");
        response.Headers.CacheControl!.NoCache.ShouldBeTrue();
        var parser = SseParser.Create(await response.Content.ReadAsStreamAsync(Token));
        var items = await parser.EnumerateAsync(Token).ToListAsync(Token);

        items.Select(i => (i.EventType, i.Data, i.EventId)).ShouldBe([("message", "first", null), ("update", "line one\nline two", "2"), ("done", "{\"done\":true}", "3")]);
        parser.LastEventId.ShouldBe("3");
        parser.ReconnectionInterval.ShouldBe(TimeSpan.FromMilliseconds(1500));
        var request = server.Requests.ShouldHaveSingleItem();
        request.IsEventStream.ShouldBeTrue();
        request.StatusCode.ShouldBe(200);
        request.Events.Select(e => e.Data).ShouldBe(["first", "line one\nline two", "{\"done\":true}"]);
        request.Events[2].ReconnectionInterval.ShouldBe(TimeSpan.FromMilliseconds(1500));
        request.ResponseAborted.ShouldBeFalse();
        request.ToString().ShouldBe("#1 GET /events → 200 (event stream: 3 events)");
    }

    [Fact]
    public async Task Curl_with_no_buffering_prints_the_stream_as_it_went_out()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/events").Respond(StubResponse.EventStream(
            new SseItem<string>("hello", "greeting") { EventId = "1" },
            new SseItem<string>("a\nb")).WithEventInterval(TimeSpan.FromMilliseconds(20)));

        var (exit, output, error) = await Support.ExternalProcess.RunAsync("curl", "-sS", "-N", server.Url("events").ToString());

        exit.ShouldBe(0, error);
        output.ShouldBe("event: greeting\ndata: hello\nid: 1\n\ndata: a\ndata: b\n\n");
    }

    [Fact]
    public async Task Curl_sees_a_cut_off_stream_end_without_its_last_chunk()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/flaky").Respond(StubResponse.EventStream(Tokens("1", "2", "3")).BreakAfterEvents(2));

        var (exit, output, error) = await Support.ExternalProcess.RunAsync("curl", "-sS", "-N", server.Url("flaky").ToString());

        // curl's "transfer closed with outstanding read data remaining": the chunked body never ended.
        exit.ShouldBe(18, error);
        output.ShouldBe("data: 1\n\ndata: 2\n\n");
        (await _completions.OfAsync(1)).Fault.ShouldBe(ResponseFault.TruncateAfter);
    }

    [Fact]
    public async Task Waits_between_events_and_before_one_event_are_kept()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/tokens").Respond(StubResponse.EventStream(Tokens("a", "b", "c", "d"))
            .WithEventInterval(TimeSpan.FromMilliseconds(40))
            .WithEventDelay(2, TimeSpan.FromMilliseconds(200)));
        using var client = server.CreateClient();

        var items = await SseParser.Create(await client.GetStreamAsync("tokens", Token)).EnumerateAsync(Token).ToListAsync(Token);

        items.Select(i => i.Data).ShouldBe(["a", "b", "c", "d"]);
        var sent = server.Requests[0].Events.Select(e => e.Timestamp).ToArray();

        // Lower bounds only: a busy machine makes the waits longer, never shorter (less a timer's tick).
        (sent[1] - sent[0]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(30));
        (sent[2] - sent[1]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(230));
        (sent[3] - sent[2]).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(30));
    }

    [Fact]
    public async Task A_silent_stream_sends_keep_alive_comments_that_the_parser_skips()
    {
        var feed = new EventStreamFeed();
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/slow").Respond(StubResponse.EventStream(feed).WithKeepAlive(TimeSpan.FromMilliseconds(100), "ping"));
        using var client = server.CreateClient();

        var reading = client.GetStringAsync("slow", Token);
        await feed.WaitForStreamAsync(Generous, Token);
        await feed.SendAsync(new SseItem<string>("x"), Token);

        // "y" goes out once the server has sent two keep-alives, however long a busy machine takes to fire them.
        var pings = 0;
        await server.Requests[0].WaitForEventAsync(e => e.IsComment && ++pings == 2, Generous, Token);
        await feed.SendAsync(new SseItem<string>("y"), Token);
        feed.Complete();
        var raw = await reading;

        raw.Replace(": ping\n\n", "", StringComparison.Ordinal).ShouldBe("data: x\n\ndata: y\n\n");
        raw.ShouldContain(": ping\n\n");
        var parsed = await SseParser.Create(new MemoryStream(Encoding.UTF8.GetBytes(raw))).EnumerateAsync(Token).ToListAsync(Token);
        parsed.Select(i => i.Data).ShouldBe(["x", "y"]);
        var events = (await _completions.OfAsync(1)).Events;
        events.Count(e => e.IsComment).ShouldBeGreaterThanOrEqualTo(2);
        events.Where(e => e.IsComment).ShouldAllBe(e => e.Comment == "ping" && e.ToString() == ": ping");
        events.Where(e => !e.IsComment).Select(e => e.Data).ShouldBe(["x", "y"]);
    }

    [Fact]
    public async Task An_endless_stream_from_an_async_sequence_runs_until_the_client_leaves()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/ticks").Respond(StubResponse.EventStream(Endless()));
        using var client = server.CreateClient();

        using (var response = await client.GetAsync("ticks", HttpCompletionOption.ResponseHeadersRead, Token))
        {
            var parser = SseParser.Create(await response.Content.ReadAsStreamAsync(Token));
            var first = await parser.EnumerateAsync(Token).Take(5).ToListAsync(Token);
            first.Select(i => i.Data).ShouldBe(["0", "1", "2", "3", "4"]);
        }

        var request = server.Requests[0];
        await request.WaitForEventAsync(e => e.Data == "4", Generous, Token);
        await _completions.OfAsync(request.Sequence);
        request.ResponseAborted.ShouldBeTrue();
        request.Events.Count.ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public async Task A_feed_sends_events_while_the_stream_is_open_and_completing_it_ends_the_stream()
    {
        var feed = new EventStreamFeed();
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/notifications").Respond(StubResponse.EventStream(feed));
        using var client = server.CreateClient();

        using var response = await client.GetAsync("notifications", HttpCompletionOption.ResponseHeadersRead, Token);
        await feed.WaitForStreamAsync(Generous, Token);
        feed.OpenStreams.ShouldBe(1);
        await using var enumerator = SseParser.Create(await response.Content.ReadAsStreamAsync(Token)).EnumerateAsync(Token).GetAsyncEnumerator(Token);

        await feed.SendAsync(new SseItem<string>("one", "note") { EventId = "n1" }, Token);
        (await enumerator.MoveNextAsync()).ShouldBeTrue();
        enumerator.Current.Data.ShouldBe("one");
        await feed.SendCommentAsync("still here", Token);
        await feed.SendAsync(new SseItem<string>("two"), Token);
        (await enumerator.MoveNextAsync()).ShouldBeTrue();
        enumerator.Current.Data.ShouldBe("two");
        feed.Complete();
        (await enumerator.MoveNextAsync()).ShouldBeFalse();

        var request = server.Requests[0];
        await _completions.OfAsync(request.Sequence);
        request.ResponseAborted.ShouldBeFalse();
        request.Events.Select(e => e.ToString()).ShouldBe(["event: note  id: n1  data: \"one\"", ": still here", "data: \"two\""]);
    }

    [Fact]
    public async Task Events_sent_before_any_stream_opened_go_to_the_first_stream()
    {
        var feed = new EventStreamFeed();
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/later").Respond(StubResponse.EventStream(feed));
        var sent = feed.SendAsync(new SseItem<string>("early"), Token);
        sent.IsCompleted.ShouldBeFalse();
        feed.Complete();
        using var client = server.CreateClient();

        var items = await SseParser.Create(await client.GetStreamAsync("later", Token)).EnumerateAsync(Token).ToListAsync(Token);

        items.ShouldHaveSingleItem().Data.ShouldBe("early");
        await sent.WaitAsync(Generous, Token);
        Should.Throw<InvalidOperationException>(() => feed.SendAsync(new SseItem<string>("too late"), Token));
    }

    [Fact]
    public async Task A_stream_cut_off_after_two_events_gives_the_client_two_events_then_an_error()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/flaky").Respond(StubResponse.EventStream(Tokens("1", "2", "3", "4")).BreakAfterEvents(2));
        using var client = server.CreateClient();

        using var response = await client.GetAsync("flaky", HttpCompletionOption.ResponseHeadersRead, Token);
        var received = new List<string>();
        var ex = await Should.ThrowAsync<IOException>(async () =>
        {
            await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync(Token)).EnumerateAsync(Token))
            {
                received.Add(item.Data);
            }
        });

        ex.Message.ShouldContain("The response ended prematurely");
        received.ShouldBe(["1", "2"]);
        var request = server.Requests[0];
        await _completions.OfAsync(request.Sequence);
        request.Fault.ShouldBe(ResponseFault.TruncateAfter);
        request.StatusCode.ShouldBe(200);
        request.Events.Select(e => e.Data).ShouldBe(["1", "2"]);
        request.ToString().ShouldBe("#1 GET /flaky → 200 (event stream: 2 events) [TruncateAfter]");
    }

    [Fact]
    public async Task A_stream_reset_after_one_event_fails_the_client_with_a_connection_reset()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/reset").Respond(StubResponse.EventStream(Tokens("1", "2")).BreakAfterEvents(1, StreamBreak.ResetConnection));
        using var client = server.CreateClient();

        // A reset discards what the client had received but not yet read, so it may fail before the headers or after the event.
        var ex = await Should.ThrowAsync<Exception>(async () =>
        {
            using var response = await client.GetAsync("reset", HttpCompletionOption.ResponseHeadersRead, Token);
            await foreach (var _ in SseParser.Create(await response.Content.ReadAsStreamAsync(Token)).EnumerateAsync(Token))
            {
            }
        });

        (ex is HttpRequestException or IOException).ShouldBeTrue(ex.ToString());
        var request = await _completions.OfAsync(1);
        request.Fault.ShouldBe(ResponseFault.ResetConnection);
        request.Events.Select(e => e.Data).ShouldBe(["1"]);
    }

    [Fact]
    public async Task A_reconnect_with_Last_Event_ID_is_recorded_and_matched_to_resume()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/feed").Respond(StubResponse.EventStream(
            new SseItem<string>("a") { EventId = "1" },
            new SseItem<string>("b") { EventId = "2" }).BreakAfterEvents(2));
        server.Stub(HttpMethod.Get, "/feed").WithLastEventId("2").Respond(StubResponse.EventStream(new SseItem<string>("c") { EventId = "3" }));
        using var client = server.CreateClient();

        var parser = SseParser.Create(await client.GetStreamAsync("feed", Token));
        await Should.ThrowAsync<IOException>(async () => await parser.EnumerateAsync(Token).ToListAsync(Token));
        using var reconnect = new HttpRequestMessage(HttpMethod.Get, "feed") { Headers = { { "Last-Event-ID", parser.LastEventId } } };
        using var resumed = await client.SendAsync(reconnect, HttpCompletionOption.ResponseHeadersRead, Token);
        var rest = await SseParser.Create(await resumed.Content.ReadAsStreamAsync(Token)).EnumerateAsync(Token).ToListAsync(Token);

        rest.ShouldHaveSingleItem().Data.ShouldBe("c");
        server.Requests.Select(r => r.LastEventId).ShouldBe([null, "2"]);
    }

    [Theory]
    [InlineData(false, "1.1")]
    [InlineData(true, "1.1")]
    [InlineData(true, "2.0")]
    public async Task Events_arrive_over_http1_and_http2_with_and_without_tls(bool tls, string version)
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o =>
        {
            _completions.Configure(o);
            if (tls)
            {
                o.UseHttps();
            }
        });
        server.Stub(HttpMethod.Get, "/events").Respond(StubResponse.EventStream(Tokens("x", "y", "z")).WithEventInterval(TimeSpan.FromMilliseconds(5)));
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "events") { Version = Version.Parse(version), VersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Token);
        var items = await SseParser.Create(await response.Content.ReadAsStreamAsync(Token)).EnumerateAsync(Token).ToListAsync(Token);

        response.Version.ShouldBe(Version.Parse(version));
        items.Select(i => i.Data).ShouldBe(["x", "y", "z"]);
        server.Requests[0].Protocol.ShouldBe(version == "2.0" ? "HTTP/2" : "HTTP/1.1");
    }

    [Fact]
    public async Task Events_arrive_over_cleartext_http2()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.Http2Cleartext = true);
        server.Stub(HttpMethod.Get, "/events").Respond(StubResponse.EventStream(Tokens("x", "y")));
        using var client = server.CreateClient();

        using var response = await client.GetAsync("events", HttpCompletionOption.ResponseHeadersRead, Token);
        var items = await SseParser.Create(await response.Content.ReadAsStreamAsync(Token)).EnumerateAsync(Token).ToListAsync(Token);

        response.Version.ShouldBe(HttpVersion.Version20);
        items.Select(i => i.Data).ShouldBe(["x", "y"]);
    }

    [Fact]
    public async Task A_stream_cut_off_over_http2_resets_the_stream_and_keeps_the_connection()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["ok.txt"] = "ok" }, o =>
        {
            o.UseHttps();
            o.ClientPrefersHttp2 = true;
        });
        server.Stub(HttpMethod.Get, "/flaky").Respond(StubResponse.EventStream(Tokens("1", "2", "3")).BreakAfterEvents(2));
        using var client = server.CreateClient();

        using var response = await client.GetAsync("flaky", HttpCompletionOption.ResponseHeadersRead, Token);
        response.Version.ShouldBe(HttpVersion.Version20);
        var received = new List<string>();
        var ex = await Should.ThrowAsync<HttpProtocolException>(async () =>
        {
            await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync(Token)).EnumerateAsync(Token))
            {
                received.Add(item.Data);
            }
        });

        ex.ErrorCode.ShouldBe(0x2);
        (await client.GetStringAsync("ok.txt", Token)).ShouldBe("ok");
        var (flaky, after) = (await server.WaitForCompletionAsync(server.Requests[0], cancellationToken: Token), server.Requests[1]);
        flaky.Fault.ShouldBe(ResponseFault.TruncateAfter);

        // The server sent exactly two events before the reset. HttpClient drops what it had buffered when RST_STREAM arrives, so
        // the client sees those two, or fewer: a prefix, never another event.
        flaky.Events.Where(e => !e.IsComment).Select(e => e.Data).ShouldBe(["1", "2"]);
        received.ShouldBe(new[] { "1", "2" }.Take(received.Count));

        // Only the stream was reset: the next request went over the same connection.
        after.ConnectionId.ShouldNotBeNullOrEmpty();
        after.ConnectionId.ShouldBe(flaky.ConnectionId);
        after.Protocol.ShouldBe("HTTP/2");
    }

    [Fact]
    public async Task Waiting_for_an_event_that_never_comes_names_what_was_sent()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/events").Respond(StubResponse.EventStream(Tokens("a", "b")));
        using var client = server.CreateClient();
        await client.GetStringAsync("events", Token);
        var request = server.Requests[0];
        await _completions.OfAsync(request.Sequence);

        var ex = await Should.ThrowAsync<HttpFixtureAssertionException>(() => request.WaitForEventAsync(e => e.Data == "c", Generous, Token));

        ex.Message.ShouldBe("The event stream of #1 GET /events ended without a matching event. 2 sent:\n  1. data: \"a\"\n  2. data: \"b\"");
    }

    [Fact]
    public async Task The_journal_summary_lists_each_event_under_its_request()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), _completions.Configure);
        server.Stub(HttpMethod.Get, "/events").Respond(StubResponse.EventStream(new SseItem<string>("hi", "greet") { EventId = "7" }));
        using var client = server.CreateClient();
        await client.GetStringAsync("events", Token);
        await _completions.OfAsync(1);

        var summary = server.JournalSummary();

        summary.ShouldStartWith("#1 GET /events → 200 (event stream: 1 event)\n    +");
        summary.ShouldEndWith(" ms  event: greet  id: 7  data: \"hi\"\n");
    }

    private static SseItem<string>[] Tokens(params string[] data) => [.. data.Select(d => new SseItem<string>(d))];

    private static async IAsyncEnumerable<SseItem<string>> Endless([EnumeratorCancellation] CancellationToken token = default)
    {
        for (var i = 0; ; i++)
        {
            yield return new SseItem<string>(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Task.Delay(5, token);
        }
    }
}
