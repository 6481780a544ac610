using FakeHttpFixture.Benchmarks.Peers;
using WireMock.Server;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>
/// The three servers started once for the scenarios that measure requests, each with its own client.
/// The journals of the fixture and of WireMock are emptied every <see cref="TrimEvery"/> requests so that a long run
/// measures the request, not a heap that grows by the invocation count.
/// </summary>
public abstract class RunningPeers
{
    private const int TrimEvery = 1024;
    private string? _directory;
    private int _fixtureCount;
    private int _wireMockCount;

    private protected RawKestrel KestrelServer { get; private set; } = null!;

    protected HttpFixtureServer FixtureServer { get; private set; } = null!;

    protected WireMockServer WireMockServer { get; private set; } = null!;

    protected HttpClient KestrelClient { get; private set; } = null!;

    protected HttpClient FixtureClient { get; private set; } = null!;

    protected HttpClient WireMockClient { get; private set; } = null!;

    /// <summary>Gets a value indicating whether the fixture serves a directory on disk rather than a FileTree.</summary>
    protected virtual bool FixtureServesDirectory => false;

    [BenchmarkDotNet.Attributes.GlobalSetup]
    public async Task StartPeersAsync()
    {
        _directory = Directory.CreateTempSubdirectory("fakehttp-bench-").FullName;
        var file = Path.Combine(_directory, "file.bin");
        await File.WriteAllBytesAsync(file, Payload.File);
        KestrelServer = await RawKestrel.StartAsync();
        FixtureServer = FixtureServesDirectory
            ? await HttpFixtureServer.StartAsync(_directory, ConfigureFixture)
            : await HttpFixtureServer.StartAsync(new FileTree().Add("file.bin", Payload.File), ConfigureFixture);
        WireMockServer = WireMockPeer.Start(file);
        KestrelClient = Clients.For(KestrelServer.BaseAddress);
        FixtureClient = FixtureServer.CreateClient();
        WireMockClient = Clients.For(WireMockServer.BaseAddress());
        AddStubs();
    }

    /// <summary>Sets the fixture's options before it starts, for a scenario that measures an option's cost.</summary>
    protected virtual void ConfigureFixture(HttpFixtureOptions options)
    {
    }

    /// <summary>Adds a scenario's stubs to the fixture and to WireMock once the servers run.</summary>
    protected virtual void AddStubs()
    {
    }

    [BenchmarkDotNet.Attributes.GlobalCleanup]
    public async Task StopPeersAsync()
    {
        await StopScenarioAsync();
        KestrelClient.Dispose();
        FixtureClient.Dispose();
        WireMockClient.Dispose();
        await KestrelServer.DisposeAsync();
        await FixtureServer.DisposeAsync();
        WireMockServer.Dispose();
        Directory.Delete(_directory!, recursive: true);
    }

    /// <summary>Stops what a scenario started in <see cref="AddStubs"/> and closes what it keeps open to the servers (a WebSocket, which raw Kestrel's stop would otherwise wait for), before the three servers stop.</summary>
    protected virtual Task StopScenarioAsync() => Task.CompletedTask;

    protected void TrimFixtureJournal(int every = TrimEvery)
    {
        if (Interlocked.Increment(ref _fixtureCount) % every == 0)
        {
            FixtureServer.ClearRequests();
        }
    }

    protected void TrimWireMockLog(int every = TrimEvery)
    {
        if (Interlocked.Increment(ref _wireMockCount) % every == 0)
        {
            WireMockServer.ResetLogEntries();
        }
    }
}
