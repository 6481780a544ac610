using BenchmarkDotNet.Running;
using FakeHttpFixture.Benchmarks;

// serve: one server for the load scripts · memory: peak and idle memory, once per process · paired: the scenarios interleaved
// across peers, for ratios that survive a noisy machine · session, suite: a shared server with per-test attribution ·
// anything else: BenchmarkDotNet.
return args.FirstOrDefault() switch
{
    "serve" => await ServeMode.RunAsync(args[1..]),
    "memory" => await MemoryMode.RunAsync(args[1..]),
    "paired" => await PairedMode.RunAsync(args[1..]),
    "session" => await SessionMode.RunAsync(args[1..]),
    "suite" => await SessionMode.SuiteAsync(args[1..]),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(Payload).Assembly).Run(args, BenchConfig.Create()).ToList();
    if (summaries.Count == 0)
    {
        return 1;
    }

    var table = RatioTable.Build(summaries);
    var path = Path.Combine(summaries[0].ResultsDirectoryPath, "ratios.md");
    File.WriteAllText(path, table);
    Console.WriteLine();
    Console.WriteLine(table);
    Console.WriteLine($"Ratio table written to {path}");
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}
