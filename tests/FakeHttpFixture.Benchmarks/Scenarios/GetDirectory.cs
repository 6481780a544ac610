using BenchmarkDotNet.Attributes;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>
/// Sequential GETs of a 1 KiB file on disk: the fixture serves a directory, WireMock a stub with WithBodyFromFile
/// (cache off, so it reads the file per request too); raw Kestrel answers the same bytes from memory.
/// </summary>
[BenchmarkCategory(nameof(GetDirectory))]
public class GetDirectory : RunningPeers
{
    protected override bool FixtureServesDirectory => true;

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
        return (await WireMockClient.GetByteArrayAsync("dir/file.bin")).Length;
    }
}
