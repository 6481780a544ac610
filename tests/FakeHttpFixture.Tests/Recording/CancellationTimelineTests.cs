using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Recording;

public sealed class CancellationTimelineTests
{
    [Fact]
    public async Task Passes_on_a_client_that_stops_when_cancelled()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/report").Respond(StubResponse.Hang());
        using var client = server.CreateClient();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var cancelled = server.MarkCancellation(cts.Token);
        var call = client.GetAsync("report", cts.Token);
        await server.WaitForRequestAsync(r => r.Path == "/report", cancellationToken: TestContext.Current.CancellationToken);
        await cts.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(() => call);

        await server.Timeline(HttpMethod.Get, "/report").ShouldSendNothingAfterAsync(cancelled, TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);
        cancelled.IsCancelled.ShouldBeTrue();
        cancelled.CancelledAt!.Value.ShouldBeGreaterThanOrEqualTo(server.Requests[0].Timestamp);
    }

    [Fact]
    public async Task Fails_as_soon_as_a_client_sends_again_after_it_was_cancelled()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/report").Respond(StubResponse.Hang());
        using var client = server.CreateClient();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var cancelled = server.MarkCancellation(cts.Token);

        // A client that swallows the cancellation and tries again at once, without the token.
        var call = Task.Run(async () =>
        {
            try
            {
                (await client.GetAsync("report", cts.Token)).Dispose();
            }
            catch (OperationCanceledException)
            {
                using var again = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
                await Should.ThrowAsync<OperationCanceledException>(() => client.GetAsync("report", again.Token));
            }
        }, TestContext.Current.CancellationToken);
        await server.WaitForRequestAsync(r => r.Path == "/report", cancellationToken: TestContext.Current.CancellationToken);
        await cts.CancelAsync();

        var ex = await Should.ThrowAsync<HttpFixtureAssertionException>(() =>
            server.Timeline(HttpMethod.Get, "/report").ShouldSendNothingAfterAsync(cancelled, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        await call;

        TimelineMessage.Normalize(ex.Message, [.. server.Requests]).ShouldBe("""
            Expected nothing to be sent after the cancellation, but the client sent 1 request more:
              #2 came N ms after the cancellation.
            Timeline of GET /report (2 requests; times since the first, at HH:MM:SS):
              +T  #1 GET /report → no response [Hang]  conn C1:0
              +T  ── the token given to MarkCancellation was cancelled ──
              +T  #2 GET /report → no response [Hang]  conn C2:0  gap N ms
            """.ReplaceLineEndings("\n").TrimEnd());
    }

    [Fact]
    public async Task Fails_when_the_token_was_never_cancelled()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var cts = new CancellationTokenSource();
        var mark = server.MarkCancellation(cts.Token);

        var ex = await Should.ThrowAsync<HttpFixtureAssertionException>(() => server.Timeline().ShouldSendNothingAfterAsync(mark, TimeSpan.Zero, TestContext.Current.CancellationToken));

        ex.Message.ShouldStartWith("Expected nothing to be sent after the cancellation, but the token given to MarkCancellation was never cancelled");
        mark.ToString().ShouldBe("not cancelled");
    }
}
