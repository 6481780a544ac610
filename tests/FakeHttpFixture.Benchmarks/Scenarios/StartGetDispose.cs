using BenchmarkDotNet.Attributes;
using FakeHttpFixture.Benchmarks.Peers;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>What a test pays per server: start, one GET of a 1 KiB file, dispose.</summary>
[BenchmarkCategory(nameof(StartGetDispose))]
public class StartGetDispose
{
    private readonly FileTree _tree = new FileTree().Add("file.bin", Payload.File);

    [Benchmark(Baseline = true)]
    public async Task<int> Kestrel()
    {
        await using var server = await RawKestrel.StartAsync();
        using var client = Clients.For(server.BaseAddress);
        return (await client.GetByteArrayAsync("file.bin")).Length;
    }

    [Benchmark]
    public async Task<int> Fixture()
    {
        await using var server = await HttpFixtureServer.StartAsync(_tree);
        using var client = server.CreateClient();
        return (await client.GetByteArrayAsync("file.bin")).Length;
    }

    [Benchmark]
    public async Task<int> WireMock()
    {
        using var server = WireMockPeer.Start();
        using var client = Clients.For(server.BaseAddress());
        return (await client.GetByteArrayAsync("file.bin")).Length;
    }
}
