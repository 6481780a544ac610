using BenchmarkDotNet.Attributes;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>
/// The GetStub scenario again, with one more peer: a fixture answering the same GET from a HAR (ReplayHar) that holds the item
/// and the 20 other calls, recorded at setup through a proxy in front of the stubbed fixture. Replay ÷ Fixture is a replayed
/// answer against the stub it was recorded from, measured in the same rounds.
/// </summary>
[BenchmarkCategory(nameof(GetReplayed))]
public class GetReplayed : GetStub
{
    private static readonly string ItemPath = Payload.ItemPath.TrimStart('/');
    private string? _har;
    private HttpFixtureServer _replay = null!;
    private HttpClient _replayClient = null!;
    private int _replayCount;

    /// <summary>Gets the peers the paired runner interleaves here.</summary>
    public static string[] PairedPeers => ["Kestrel", "Fixture", "Replay", "WireMock"];

    [Benchmark]
    public async Task<int> Replay()
    {
        if (++_replayCount % 1024 == 0)
        {
            _replay.ClearRequests();
        }

        return (await _replayClient.GetByteArrayAsync(ItemPath)).Length;
    }

    protected override void AddStubs()
    {
        base.AddStubs();
        _har = Path.Combine(Path.GetTempPath(), $"fakehttp-bench-{Environment.ProcessId}.har");
        var recorder = HttpFixtureServer.Start(o => o.ProxyTo(FixtureServer.BaseAddress));
        using (var client = recorder.CreateClient())
        {
            client.GetByteArrayAsync(ItemPath).GetAwaiter().GetResult();
            for (var i = 0; i < Payload.OtherStubs; i++)
            {
                client.GetAsync($"api/other{i}/1").GetAwaiter().GetResult().Dispose();
            }

            recorder.SaveHar(_har);
        }

        recorder.DisposeAsync().AsTask().GetAwaiter().GetResult();

        FixtureServer.ClearRequests();
        _replay = HttpFixtureServer.Start(o => o.ReplayHar(_har));
        _replayClient = Clients.For(_replay.BaseAddress);
    }

    protected override async Task StopScenarioAsync()
    {
        _replayClient.Dispose();
        await _replay.DisposeAsync();
        File.Delete(_har!);
    }
}
