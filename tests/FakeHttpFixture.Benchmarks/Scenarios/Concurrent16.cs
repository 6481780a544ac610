using BenchmarkDotNet.Attributes;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>16 concurrent streams of GETs of the 1 KiB file (16 connections, 8 GETs each per invocation); time is per GET.</summary>
[BenchmarkCategory(nameof(Concurrent16))]
public class Concurrent16 : RunningPeers
{
    private const int Streams = 16;
    private const int GetsPerStream = 8;

    [Benchmark(Baseline = true, OperationsPerInvoke = Streams * GetsPerStream)]
    public Task Kestrel() => RunAsync(KestrelClient, null);

    [Benchmark(OperationsPerInvoke = Streams * GetsPerStream)]
    public Task Fixture() => RunAsync(FixtureClient, TrimFixtureJournal);

    [Benchmark(OperationsPerInvoke = Streams * GetsPerStream)]
    public Task WireMock() => RunAsync(WireMockClient, TrimWireMockLog);

    private static Task RunAsync(HttpClient client, Action<int>? trim)
    {
        trim?.Invoke(1024 / (Streams * GetsPerStream));
        var streams = new Task[Streams];
        for (var i = 0; i < streams.Length; i++)
        {
            streams[i] = StreamAsync(client);
        }

        return Task.WhenAll(streams);
    }

    private static async Task StreamAsync(HttpClient client)
    {
        for (var i = 0; i < GetsPerStream; i++)
        {
            _ = await client.GetByteArrayAsync("file.bin");
        }
    }
}
