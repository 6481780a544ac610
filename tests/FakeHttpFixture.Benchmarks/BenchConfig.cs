using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FakeHttpFixture.Benchmarks;

/// <summary>
/// A short job for a 2-core machine shared with other work: in-process (no generated project to build), one launch,
/// 3 warm-up and 10 measured iterations of about 150 ms each. Medians are compared, not means, because neighbours add noise.
/// </summary>
internal static class BenchConfig
{
    public static IConfig Create() =>
        DefaultConfig.Instance
            .AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(10)
                .WithIterationTime(TimeInterval.FromMilliseconds(150))
                .WithId("Short"))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(CategoriesColumn.Default, StatisticColumn.Median)
            .WithOptions(ConfigOptions.DisableLogFile);
}
