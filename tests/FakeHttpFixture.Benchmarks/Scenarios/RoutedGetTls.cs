using BenchmarkDotNet.Attributes;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>The GETs of <see cref="RoutedGet"/> over HTTPS (HTTP/1.1, kept alive): Direct at https://127.0.0.1:PORT/, Routed at https://api.example.com/.</summary>
[BenchmarkCategory(nameof(RoutedGetTls))]
public class RoutedGetTls : RoutedPair
{
    private HttpClient _direct = null!;
    private HttpClient _routed = null!;

    protected override bool Https => true;

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
