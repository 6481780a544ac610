using BenchmarkDotNet.Attributes;
using FakeHttpFixture.Benchmarks.Peers;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>Start and dispose with no request: the fixed cost of a server.</summary>
[BenchmarkCategory(nameof(StartDispose))]
public class StartDispose
{
    private readonly FileTree _tree = new FileTree().Add("file.bin", Payload.File);

    [Benchmark(Baseline = true)]
    public async Task<int> Kestrel()
    {
        await using var server = await RawKestrel.StartAsync();
        return server.BaseAddress.Port;
    }

    [Benchmark]
    public async Task<int> Fixture()
    {
        await using var server = await HttpFixtureServer.StartAsync(_tree);
        return server.Port;
    }

    [Benchmark]
    public int WireMock()
    {
        using var server = WireMockPeer.Start();
        return server.Port;
    }
}
