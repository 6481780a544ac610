using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using FakeHttpFixture.Benchmarks.Scenarios;

namespace FakeHttpFixture.Benchmarks;

/// <summary>
/// `paired [--rounds N] [--block-ms M] [--warmup-ms W] [Scenario…]`: the BenchmarkDotNet scenarios again, but interleaved, after W ms
/// (default 1000) of warm-up per peer and scenario. Each round runs a block
/// of every peer in a shuffled order, and the ratio is taken between per-peer medians of the blocks. On a machine shared with
/// other work the load drifts within seconds; BenchmarkDotNet measures the peers one after another, minutes apart, so its
/// ratios carry that drift, while blocks a few milliseconds apart see the same neighbours.
/// </summary>
internal static class PairedMode
{
    private static readonly Type[] Scenarios =
        [typeof(StartGetDispose), typeof(StartDispose), typeof(GetFileTree), typeof(GetDirectory), typeof(GetStub), typeof(Post1KiB), typeof(Put10MiB), typeof(WaitLatency), typeof(Concurrent16), typeof(RoutedGet), typeof(RoutedGetTls), typeof(RoutedConnect), typeof(GetProxied), typeof(GetProxiedService1ms), typeof(GetReplayed), typeof(GetMapped), typeof(SseEvents), typeof(WebSocketEcho), typeof(GetThroughChaos), typeof(GetThroughRateLimit), typeof(GrpcUnary), typeof(GetThroughContract), typeof(GetThroughInspector), typeof(GetWatchedByInspector)];

    private static readonly string[] Peers = ["Kestrel", "Fixture", "WireMock"];

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = Option(args, "--rounds", 21);
        var blockMs = Option(args, "--block-ms", 40);
        var warmupMs = Option(args, "--warmup-ms", 1000);
        var chosen = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && !int.TryParse(a, out _)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var rows = new Dictionary<string, Dictionary<string, (double Median, long? Allocated)>>();
        foreach (var scenario in Scenarios.Where(s => chosen.Count == 0 || chosen.Contains(s.Name)))
        {
            rows[scenario.Name] = await MeasureAsync(scenario, rounds, TimeSpan.FromMilliseconds(blockMs), TimeSpan.FromMilliseconds(warmupMs));
            var line = string.Join(", ", rows[scenario.Name].Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value.Median / 1000:0.0} µs")));
            await Console.Error.WriteLineAsync($"paired {scenario.Name}: {line}");
        }

        var table = RatioTable.Build(rows, includeAllocations: false);
        Console.WriteLine(table);
        return 0;
    }

    private static async Task<Dictionary<string, (double, long?)>> MeasureAsync(Type scenario, int rounds, TimeSpan block, TimeSpan warmup)
    {
        var instance = Activator.CreateInstance(scenario)!;
        await InvokeAsync(instance, scenario.GetMethods().Where(m => m.IsDefined(typeof(GlobalSetupAttribute))));
        try
        {
            // A scenario may name peers of its own (a direct request, a second fixture) in a static PairedPeers.
            var peers = scenario.GetProperty("PairedPeers", BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)?.GetValue(null) as string[] ?? PeersOf(scenario);
            var operations = peers.Select(peer => scenario.GetMethod(peer)!).ToArray();
            var perInvoke = operations.Select(m => m.GetCustomAttribute<BenchmarkAttribute>()!.OperationsPerInvoke).ToArray();

            // Warm-up first, long enough for tiered JIT to finish with every peer's code (a peer still partly in tier 0, or
            // compiling in the background, slows the others' blocks too), then calibration: how many invocations fill one block.
            foreach (var operation in operations)
            {
                var warming = Stopwatch.StartNew();
                while (warming.Elapsed < warmup)
                {
                    await InvokeAsync(instance, [operation]);
                }
            }

            var counts = new int[operations.Length];
            for (var i = 0; i < operations.Length; i++)
            {
                var clock = Stopwatch.StartNew();
                var n = 0;
                while (clock.Elapsed < block * 3 || n < 3)
                {
                    await InvokeAsync(instance, [operations[i]]);
                    n++;
                }

                counts[i] = Math.Max(1, (int)(n / 3.0));
            }

            var samples = operations.Select(_ => new List<double>()).ToArray();
            var order = Enumerable.Range(0, operations.Length).ToArray();
            var random = new Random(42);
            for (var round = 0; round < rounds; round++)
            {
                random.Shuffle(order);
                foreach (var i in order)
                {
                    var clock = Stopwatch.StartNew();
                    for (var n = 0; n < counts[i]; n++)
                    {
                        await InvokeAsync(instance, [operations[i]]);
                    }

                    samples[i].Add(clock.Elapsed.TotalNanoseconds / counts[i] / perInvoke[i]);
                }
            }

            return Enumerable.Range(0, operations.Length).ToDictionary(i => peers[i], i => (Median(samples[i]), (long?)null));
        }
        finally
        {
            await InvokeAsync(instance, scenario.GetMethods().Where(m => m.IsDefined(typeof(GlobalCleanupAttribute))));
        }
    }

    // The three peers of the comparison with Kestrel and WireMock.Net; a scenario that pairs other things (routing: Direct and
    // Routed) names its own, baseline first.
    private static string[] PeersOf(Type scenario) =>
        Peers.All(peer => scenario.GetMethod(peer) is not null)
            ? Peers
            : [.. scenario.GetMethods()
                .Where(m => m.IsDefined(typeof(BenchmarkAttribute)))
                .OrderByDescending(m => m.GetCustomAttribute<BenchmarkAttribute>()!.Baseline)
                .ThenBy(m => m.MetadataToken)
                .Select(m => m.Name)];

    private static async Task InvokeAsync(object instance, IEnumerable<MethodInfo> methods)
    {
        foreach (var method in methods)
        {
            if (method.Invoke(instance, null) is Task task)
            {
                await task;
            }
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
