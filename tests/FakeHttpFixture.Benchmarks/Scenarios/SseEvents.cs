using System.Net.ServerSentEvents;
using BenchmarkDotNet.Attributes;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>
/// Events per second of a server-sent event stream: one GET that streams 1000 events of about 80 bytes (a model's streamed
/// completion, a token each, each flushed), read to its end by .NET's SseParser. The time is per event. The fixture answers
/// with StubResponse.EventStream and records every event; raw Kestrel writes the same events with the same SseFormatter.
/// WireMock.Net has no event streams to compare.
/// </summary>
[BenchmarkCategory(nameof(SseEvents))]
public class SseEvents : RunningPeers
{
    private static readonly string Path = Payload.EventsPath.TrimStart('/');

    [Benchmark(Baseline = true, OperationsPerInvoke = Payload.EventCount)]
    public Task<int> Kestrel() => ReadAllAsync(KestrelClient);

    [Benchmark(OperationsPerInvoke = Payload.EventCount)]
    public Task<int> Fixture()
    {
        // Each request keeps its 1000 events in the journal: emptied every 16 streams, so the heap stays the size of a test's.
        TrimFixtureJournal(every: 16);
        return ReadAllAsync(FixtureClient);
    }

    protected override void AddStubs() => FixtureServer.Stub(HttpMethod.Get, Payload.EventsPath).Respond(StubResponse.EventStream(Payload.Events));

    private static async Task<int> ReadAllAsync(HttpClient client)
    {
        using var response = await client.GetAsync(Path, HttpCompletionOption.ResponseHeadersRead);
        var count = 0;
        await foreach (var _ in SseParser.Create(await response.Content.ReadAsStreamAsync()).EnumerateAsync())
        {
            count++;
        }

        return count == Payload.EventCount ? count : throw new InvalidOperationException($"The stream had {count} events instead of {Payload.EventCount}.");
    }
}
