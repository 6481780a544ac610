using BenchmarkDotNet.Attributes;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>
/// Sequential GETs of a 1 KiB file on a kept-alive plain-HTTP connection: CreateHandler() of a server without hosts at its own address
/// (Direct) against CreateHandler() of a server with ForHosts at the routed name (Routed). Plain HTTP keeps the request cheap, so that
/// any cost of routing per request would show.
/// </summary>
[BenchmarkCategory(nameof(RoutedGet))]
public class RoutedGet : RoutedPair
{
    private HttpClient _direct = null!;
    private HttpClient _routed = null!;

    protected override bool Https => false;

    [Benchmark(Baseline = true)]
    public async Task<int> Direct() => (await _direct.GetByteArrayAsync(DirectUrl)).Length;

    [Benchmark]
    public async Task<int> Routed() => (await _routed.GetByteArrayAsync(RoutedUrl)).Length;

    protected override Task OnStartedAsync()
    {
        _direct = DirectServer.CreateClient();
        _routed = RoutedServer.CreateClient();
        return Task.CompletedTask;
    }

    protected override Task OnStoppingAsync()
    {
        _direct.Dispose();
        _routed.Dispose();
        return Task.CompletedTask;
    }
}
