using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Recordings;

/// <summary>
/// Refreshing a recording (ReplayHar and ProxyTo on one server, SaveHar over the same file) keeps every entry it loaded, as written
/// and in order, and adds what the service answered this run: a recording grows with the calls the tests make.
/// </summary>
public sealed class RefreshTests
{
    [Fact]
    public async Task A_refresh_keeps_every_loaded_entry_in_order_and_adds_the_new_one()
    {
        using var temp = new TempDirectory();
        var har = temp.Write("t.har", HarEntries.Har(
            "GET https://svc.example.com/a 200 one",
            "GET https://svc.example.com/never 0",
            "GET https://svc.example.com/b 200 two",
            "POST https://svc.example.com/c 201 three"));
        await using var upstream = RawUpstream.Answering("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nnew");
        await using (var server = HttpFixtureServer.Start(o => o.ReplayHar(har).ProxyTo(upstream.BaseAddress)))
        {
            using var client = server.CreateClient();
            (await client.GetStringAsync("b", TestContext.Current.CancellationToken)).ShouldBe("two");
            (await client.GetStringAsync("fresh", TestContext.Current.CancellationToken)).ShouldBe("new");
            server.SaveHar(har);
        }

        var entries = HarEntries.Of(har);

        entries.Length.ShouldBe(5);
        entries.Take(4).Select(HarEntries.Url).ShouldBe(["https://svc.example.com/a", "https://svc.example.com/never", "https://svc.example.com/b", "https://svc.example.com/c"]);
        HarEntries.Url(entries[4]).ShouldEndWith("/fresh");
        upstream.Heads.Count.ShouldBe(1, "the replayed entry answered /b; only /fresh went to the service");
    }

    [Fact]
    public async Task A_refresh_that_asks_nothing_new_writes_the_file_back_whole()
    {
        using var temp = new TempDirectory();
        var har = temp.Write("t.har", HarEntries.Har("GET https://svc.example.com/a 200 one", "GET https://svc.example.com/b 200 two"));
        await using var upstream = RawUpstream.Answering("HTTP/1.1 500 Unused\r\nContent-Length: 0\r\n\r\n");
        await using (var server = HttpFixtureServer.Start(o => o.ReplayHar(har).ProxyTo(upstream.BaseAddress)))
        {
            server.SaveHar(har);
        }

        HarEntries.Of(har).Select(HarEntries.Url).ShouldBe(["https://svc.example.com/a", "https://svc.example.com/b"]);
    }

    [Fact]
    public async Task Replay_without_proxy_saves_the_journal_as_before()
    {
        using var temp = new TempDirectory();
        var har = temp.Write("t.har", HarEntries.Har("GET https://svc.example.com/a 200 one", "GET https://svc.example.com/b 200 two"));
        var saved = Path.Combine(temp.Path, "saved.har");
        await using (var server = HttpFixtureServer.Start(o => o.ReplayHar(har)))
        {
            using var client = server.CreateClient();
            await client.GetStringAsync("a", TestContext.Current.CancellationToken);
            server.SaveHar(saved);
        }

        HarEntries.Of(saved).ShouldHaveSingleItem();
    }
}
