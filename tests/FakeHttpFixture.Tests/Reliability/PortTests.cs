using System.Text;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Reliability;

/// <summary>Ports: many servers side by side each get their own, and a fixed port can be taken again at once.</summary>
[Trait("Category", "Reliability")]
public sealed class PortTests
{
    [Fact]
    public async Task Two_hundred_servers_at_once_each_get_their_own_port_and_answer()
    {
        const int Servers = 200;
        var servers = await Task.WhenAll(Enumerable.Range(0, Servers).Select(i => HttpFixtureServer.StartAsync(new FileTree { ["who.txt"] = $"server {i}" })));
        try
        {
            servers.Select(s => s.Port).Distinct().Count().ShouldBe(Servers);
            using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
            var answers = await Task.WhenAll(servers.Select(s => client.GetStringAsync(s.Url("who.txt"))));
            for (var i = 0; i < Servers; i++)
            {
                answers[i].ShouldBe($"server {i}", "each server must answer from its own tree, on its own port");
                servers[i].Requests.ShouldHaveSingleItem().Path.ShouldBe("/who.txt");
            }
        }
        finally
        {
            await Task.WhenAll(servers.Select(s => s.DisposeAsync().AsTask())).WaitAsync(TimeSpan.FromSeconds(60));
        }
    }

    [Fact]
    public async Task A_fixed_port_is_taken_again_at_once_after_dispose_despite_TIME_WAIT()
    {
        // A port below the range the OS hands out for port 0: the servers that parallel test classes start on ephemeral ports can
        // never take it between two rounds. Another process may hold a candidate, so the first bind tries a few.
        var port = 0;
        for (var attempt = 0; port == 0; attempt++)
        {
            var candidate = Random.Shared.Next(20_000, EphemeralRangeStart());
            try
            {
                await using var first = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "0" }, o => o.Port = candidate);
                await CloseByServerAsync(first, "0");
                port = candidate;
            }
            catch (IOException) when (attempt < 20)
            {
                // Held by some other process on this machine: try another.
            }
        }

        for (var round = 1; round <= 25; round++)
        {
            // "Connection: close" makes the server close first, leaving its side of every connection in TIME_WAIT.
            await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = $"{round}" }, o => o.Port = port);
            server.Port.ShouldBe(port);
            await CloseByServerAsync(server, $"{round}");
        }
    }

    // Linux's ip_local_port_range (32768 by default); elsewhere the IANA range, which starts higher.
    private static int EphemeralRangeStart()
    {
        const string Range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(Range) && int.TryParse(File.ReadAllText(Range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var low) && low > 21_000
            ? low
            : 32_768;
    }

    [Fact]
    public async Task Rapid_start_and_dispose_on_ephemeral_ports_never_fails_to_bind()
    {
        for (var i = 0; i < 200; i++)
        {
            await using var server = await HttpFixtureServer.StartAsync(new FileTree { ["a.txt"] = "x" });
            await CloseByServerAsync(server, "x");
        }
    }

    private static async Task CloseByServerAsync(HttpFixtureServer server, string expected)
    {
        var text = await RawHttp.ExchangeAsync(server, "GET /a.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        text.ShouldStartWith("HTTP/1.1 200");
        text.ShouldEndWith(expected);
    }
}
