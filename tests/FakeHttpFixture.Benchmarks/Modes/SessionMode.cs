using System.Diagnostics;
using System.Globalization;

namespace FakeHttpFixture.Benchmarks;

/// <summary>
/// `session [--tests N] [--requests M] [--parallel P] [--keep]`: a test session on one shared server, as the adapters run it with
/// per-test attribution: N tests (default 2,000), P at a time (default 4), each in its own <see cref="TestScope"/>, sending M requests
/// (default 500; a mix of small GETs and 1 KiB POSTs), waiting for its last one, verifying, and released from the journal when
/// it passed (unless --keep). Prints, every tenth of the run, the managed heap after a full collection, the resident set and the
/// journal's length, so that memory is seen flat (or not) from test to test.
/// `suite [--tests N] [--requests M] [--parallel P]`: the same tests (default 200 × 5) with a server per test, then on one shared
/// server with attribution; prints the wall time of each.
/// </summary>
internal static class SessionMode
{
    private static readonly byte[] Kilobyte = new byte[1024];

    public static async Task<int> RunAsync(string[] args)
    {
        var tests = Option(args, "--tests", 2000);
        var requests = Option(args, "--requests", 500);
        var parallel = Option(args, "--parallel", 4);
        var release = !args.Contains("--keep");
        await using var server = await HttpFixtureServer.StartAsync();
        using var client = new HttpClient(server.CreateHandler()) { BaseAddress = server.BaseAddress };
        var clock = Stopwatch.StartNew();
        var done = 0;
        Report(server, 0, tests, requests, clock);
        await Parallel.ForAsync(0, tests, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (test, _) =>
        {
            await RunTestAsync(server, client, test, requests, release);
            var finished = Interlocked.Increment(ref done);
            if (finished % Math.Max(1, tests / 10) == 0)
            {
                Report(server, finished, tests, requests, clock);
            }
        });
        return 0;
    }

    public static async Task<int> SuiteAsync(string[] args)
    {
        var tests = Option(args, "--tests", 200);
        var requests = Option(args, "--requests", 5);
        var parallel = Option(args, "--parallel", 4);
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel };
        for (var round = 1; round <= 3; round++)
        {
            var perTest = Stopwatch.StartNew();
            await Parallel.ForAsync(0, tests, options, async (test, _) =>
            {
                await using var own = await HttpFixtureServer.StartAsync();
                using var client = new HttpClient(own.CreateHandler()) { BaseAddress = own.BaseAddress };
                await RunTestAsync(own, client, test, requests, release: false);
            });
            perTest.Stop();

            var shared = Stopwatch.StartNew();
            await using (var server = await HttpFixtureServer.StartAsync())
            {
                using var client = new HttpClient(server.CreateHandler()) { BaseAddress = server.BaseAddress };
                await Parallel.ForAsync(0, tests, options, async (test, _) => await RunTestAsync(server, client, test, requests, release: true));
            }

            shared.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: {tests} tests × {requests} requests, {parallel} at a time: server per test {perTest.Elapsed.TotalMilliseconds:0} ms, one shared server with attribution {shared.Elapsed.TotalMilliseconds:0} ms"));
        }

        return 0;
    }

    // What an adapter does around a test on a shared server, and the test's own requests in between.
    private static async Task RunTestAsync(HttpFixtureServer server, HttpClient client, int test, int requests, bool release)
    {
        using var scope = TestScope.Begin($"bench/{test}/{Guid.NewGuid():N}", $"Test {test}");
        scope.Enter();
        for (var i = 0; i < requests; i++)
        {
            using var response = i % 2 == 0
                ? await client.GetAsync($"t{test}/get/{i}")
                : await client.PostAsync($"t{test}/post/{i}", new ByteArrayContent(Kilobyte));
        }

        var last = requests - 1;
        await server.WaitForRequestAsync(r => r.Path.EndsWith($"/{last}", StringComparison.Ordinal));
        server.Verify();
        if (release)
        {
            server.ReleaseRequests(scope);
        }
    }

    private static void Report(HttpFixtureServer server, int finished, int tests, int requests, Stopwatch clock)
    {
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{finished,5}/{tests} tests, {(long)finished * requests,9} requests, {clock.Elapsed.TotalSeconds,6:0.0} s: managed {managed / 1048576.0,7:0.0} MiB, RSS {ProcStatus.Kilobytes("VmRSS") / 1024.0,7:0.0} MiB, journal {server.AllRequests.Count} requests"));
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
