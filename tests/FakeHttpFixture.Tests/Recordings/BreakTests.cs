using System.Net;
using System.Net.Sockets;
using System.Text;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Recordings;

/// <summary>
/// A broken answer is recorded as broken (the entry's <c>_fakehttp.break</c>) and replays the same break, never as a whole one;
/// the fixture's own answers for a failed upstream are marked as its own and not replayed as the service's.
/// </summary>
public sealed class BreakTests
{
    private const string Head = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: 100000\r\n\r\n";

    [Fact]
    public async Task An_upstream_reset_after_5000_of_100000_bytes_replays_as_the_same_break()
    {
        await using var upstream = new RawUpstream(async (_, socket) =>
        {
            await RawUpstream.Send(socket, [.. Encoding.ASCII.GetBytes(Head), .. new byte[5000]]);
            RawUpstream.Reset(socket);
        });

        var (entry, replayed) = await RecordAndReplayAsync(upstream, o => { });

        HarEntries.Break(entry).ShouldBe("reset after 5000 bytes");
        replayed.ShouldStartWith("HTTP/1.1 200 OK\r\n");
        replayed.ShouldContain("Content-Length: 100000\r\n");
        (replayed.Length - replayed.IndexOf("\r\n\r\n", StringComparison.Ordinal) - 4).ShouldBe(5000, "the bytes the service sent, then the connection ends");
    }

    [Fact]
    public async Task An_upstream_that_stalls_mid_body_replays_as_a_break_not_a_short_whole_body()
    {
        using var release = new CancellationTokenSource();
        await using var upstream = new RawUpstream(async (_, socket) =>
        {
            await RawUpstream.Send(socket, [.. Encoding.ASCII.GetBytes(Head), .. new byte[5000]]);
            await Task.Delay(Timeout.Infinite, release.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        });

        var (entry, replayed) = await RecordAndReplayAsync(upstream, o => o.UpstreamTimeout = TimeSpan.FromMilliseconds(300));
        await release.CancelAsync();

        HarEntries.Break(entry).ShouldBe("timeout after 5000 bytes");
        replayed.ShouldContain("Content-Length: 100000\r\n");
        (replayed.Length - replayed.IndexOf("\r\n\r\n", StringComparison.Ordinal) - 4).ShouldBe(5000);
    }

    [Fact]
    public async Task A_replayed_break_is_seen_by_HttpClient_as_a_body_that_ended_early()
    {
        await using var upstream = new RawUpstream(async (_, socket) =>
        {
            await RawUpstream.Send(socket, [.. Encoding.ASCII.GetBytes(Head), .. new byte[5000]]);
            RawUpstream.Reset(socket);
        });
        using var temp = new TempDirectory();
        var har = await RecordAsync(upstream, temp, o => { });
        await using var replay = HttpFixtureServer.Start(o => o.ReplayHar(har));
        using var client = replay.CreateClient();

        await Should.ThrowAsync<HttpRequestException>(() => client.GetByteArrayAsync("file.bin", TestContext.Current.CancellationToken));
        (await replay.WaitForCompletionAsync(replay.Requests.ShouldHaveSingleItem(), cancellationToken: TestContext.Current.CancellationToken)).ResponseAborted.ShouldBeTrue();
    }

    [Fact]
    public async Task The_fixtures_own_502_is_recorded_as_its_own_and_not_replayed_as_the_services()
    {
        using var temp = new TempDirectory();
        var closed = ClosedPort();
        var har = Path.Combine(temp.Path, "t.har");
        await using (var proxy = HttpFixtureServer.Start(o => o.ProxyTo(new Uri($"http://127.0.0.1:{closed}/"))))
        {
            using var client = proxy.CreateClient();
            (await client.GetAsync("x", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.BadGateway);
            proxy.SaveHar(har);
        }

        HarEntries.Break(HarEntries.Of(har).ShouldHaveSingleItem()).ShouldBe("fixture-answer");
        await using var replay = HttpFixtureServer.Start(o => { o.ReplayHar(har); o.Strict = true; });
        using var replayClient = replay.CreateClient();
        (await replayClient.GetAsync("x", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotImplemented, "the service never answered; strict mode reports the miss");
    }

    [Fact]
    public void An_unknown_break_is_refused_with_its_line()
    {
        using var temp = new TempDirectory();
        var har = temp.Write("t.har", "{\"log\":{\"entries\":[\n{\"request\":{\"method\":\"GET\",\"url\":\"https://s/a\"},\n\"response\":{\"status\":200},\n\"_fakehttp\":{\"break\":\"exploded\"}}]}}");

        var ex = Should.Throw<InvalidDataException>(() => HttpFixtureServer.Start(o => o.ReplayHar(har)));

        ex.Message.ShouldBe($"The HAR file '{har}' cannot be replayed: line 4: log.entries[0]._fakehttp.break must be \"reset after N bytes\", \"timeout after N bytes\", \"cut after N bytes\" or \"fixture-answer\"; it is \"exploded\". Fix the file, or record it again.");
    }

    private static async Task<(System.Text.Json.JsonElement Entry, string Replayed)> RecordAndReplayAsync(RawUpstream upstream, Action<HttpFixtureOptions> configure)
    {
        using var temp = new TempDirectory();
        var har = await RecordAsync(upstream, temp, configure);
        await using var replay = HttpFixtureServer.Start(o => o.ReplayHar(har));
        var replayed = await WireFidelityTests.ExchangeBytesAsync(replay, "GET /file.bin HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        return (HarEntries.Of(har).ShouldHaveSingleItem(), replayed);
    }

    private static async Task<string> RecordAsync(RawUpstream upstream, TempDirectory temp, Action<HttpFixtureOptions> configure)
    {
        var har = Path.Combine(temp.Path, "t.har");
        await using var proxy = HttpFixtureServer.Start(o =>
        {
            o.ProxyTo(upstream.BaseAddress);
            configure(o);
        });
        var live = await WireFidelityTests.ExchangeBytesAsync(proxy, "GET /file.bin HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        live.ShouldStartWith("HTTP/1.1 200 OK");
        await proxy.WaitForCompletionAsync(proxy.Requests.ShouldHaveSingleItem(), cancellationToken: TestContext.Current.CancellationToken);
        proxy.SaveHar(har);
        return har;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
