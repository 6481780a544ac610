using BenchmarkDotNet.Attributes;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>
/// <see cref="GetFileTree"/> on a fixture with a server-wide rate limit that never refuses: every answer goes through the limit
/// and carries its RateLimit-Policy and RateLimit headers. Raw Kestrel and WireMock do what they do in GetFileTree.
/// </summary>
[BenchmarkCategory(nameof(GetThroughRateLimit))]
public class GetThroughRateLimit : RunningPeers
{
    [Benchmark(Baseline = true)]
    public async Task<int> Kestrel() => (await KestrelClient.GetByteArrayAsync("file.bin")).Length;

    [Benchmark]
    public async Task<int> Fixture()
    {
        TrimFixtureJournal();
        return (await FixtureClient.GetByteArrayAsync("file.bin")).Length;
    }

    [Benchmark]
    public async Task<int> WireMock()
    {
        TrimWireMockLog();
        return (await WireMockClient.GetByteArrayAsync("file.bin")).Length;
    }

    protected override void ConfigureFixture(HttpFixtureOptions options) => options.AddRateLimit(RateLimit.Allow(int.MaxValue, per: TimeSpan.FromDays(1)));
}
