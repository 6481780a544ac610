using BenchmarkDotNet.Attributes;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>Sequential GETs of a 1 KiB file on a kept-alive connection; the fixture serves it from a FileTree, WireMock from a stub.</summary>
[BenchmarkCategory(nameof(GetFileTree))]
public class GetFileTree : RunningPeers
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
}
