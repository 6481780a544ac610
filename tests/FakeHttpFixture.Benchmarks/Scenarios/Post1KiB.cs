using BenchmarkDotNet.Attributes;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>Sequential POSTs of 1 KiB, recorded by the fixture and by WireMock, drained by raw Kestrel.</summary>
[BenchmarkCategory(nameof(Post1KiB))]
public class Post1KiB : RunningPeers
{
    [Benchmark(Baseline = true)]
    public Task<int> Kestrel() => PostAsync(KestrelClient);

    [Benchmark]
    public Task<int> Fixture()
    {
        TrimFixtureJournal();
        return PostAsync(FixtureClient);
    }

    [Benchmark]
    public Task<int> WireMock()
    {
        TrimWireMockLog();
        return PostAsync(WireMockClient);
    }

    private static async Task<int> PostAsync(HttpClient client)
    {
        using var content = new ByteArrayContent(Payload.Post);
        using var response = await client.PostAsync("upload", content);
        return (int)response.EnsureSuccessStatusCode().StatusCode;
    }
}
