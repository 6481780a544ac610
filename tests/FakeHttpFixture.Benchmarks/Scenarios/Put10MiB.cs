using BenchmarkDotNet.Attributes;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>PUT of 10 MiB, recorded by the fixture and by WireMock (journal emptied after each), drained by raw Kestrel.</summary>
[BenchmarkCategory(nameof(Put10MiB))]
public class Put10MiB : RunningPeers
{
    [Benchmark(Baseline = true)]
    public Task<int> Kestrel() => PutAsync(KestrelClient);

    [Benchmark]
    public Task<int> Fixture()
    {
        TrimFixtureJournal(every: 1);
        return PutAsync(FixtureClient);
    }

    [Benchmark]
    public Task<int> WireMock()
    {
        TrimWireMockLog(every: 1);
        return PutAsync(WireMockClient);
    }

    private static async Task<int> PutAsync(HttpClient client)
    {
        using var content = new ByteArrayContent(Payload.Put);
        using var response = await client.PutAsync("upload", content);
        return (int)response.EnsureSuccessStatusCode().StatusCode;
    }
}
