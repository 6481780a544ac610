using BenchmarkDotNet.Attributes;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>
/// A new client per GET over HTTPS, so every operation pays a connection and a TLS handshake: what routing adds per connection
/// (the ConnectCallback instead of DNS and the default connect, the server's look at the first byte, the per-name certificate check).
/// DirectLocalhost asks the server without hosts by the name "localhost" instead of its IP, to tell what a name does to the TLS
/// handshake apart from what routing does.
/// </summary>
[BenchmarkCategory(nameof(RoutedConnect))]
public class RoutedConnect : RoutedPair
{
    protected override bool Https => true;

    [Benchmark(Baseline = true)]
    public async Task<int> Direct()
    {
        using var client = DirectServer.CreateClient();
        return (await client.GetByteArrayAsync(DirectUrl)).Length;
    }

    [Benchmark]
    public async Task<int> DirectLocalhost()
    {
        using var client = DirectServer.CreateClient();
        return (await client.GetByteArrayAsync(new Uri($"https://localhost:{DirectServer.Port}/file.bin"))).Length;
    }

    [Benchmark]
    public async Task<int> Routed()
    {
        using var client = RoutedServer.CreateClient();
        return (await client.GetByteArrayAsync(RoutedUrl)).Length;
    }
}
