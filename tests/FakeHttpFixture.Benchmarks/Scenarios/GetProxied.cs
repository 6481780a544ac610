using BenchmarkDotNet.Attributes;
using FakeHttpFixture.Benchmarks.Peers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>
/// Sequential GETs of the ~200-byte item JSON through a proxy to a raw Kestrel upstream (keep-alive on both hops), against the
/// same GET sent to the upstream directly (the baseline). The fixture proxies with ProxyTo, recording each answer with its
/// body; WireMock proxies with its WithProxy mapping; raw Kestrel forwarding with HttpMessageInvoker and recording nothing shows
/// what the second hop costs by itself.
/// </summary>
[BenchmarkCategory(nameof(GetProxied))]
public class GetProxied
{
    private static readonly string ItemPath = Payload.ItemPath.TrimStart('/');
    private RawKestrel _upstream = null!;
    private RawKestrelProxy _kestrelProxy = null!;
    private HttpFixtureServer _fixture = null!;
    private WireMockServer _wireMock = null!;
    private HttpClient _direct = null!;
    private HttpClient _viaKestrel = null!;
    private HttpClient _viaFixture = null!;
    private HttpClient _viaWireMock = null!;
    private int _fixtureCount;
    private int _wireMockCount;

    /// <summary>Gets the peers the paired runner interleaves here: the direct request is the baseline, named Kestrel as elsewhere.</summary>
    public static string[] PairedPeers => ["Kestrel", "KestrelProxy", "Fixture", "WireMock"];

    /// <summary>Gets how long the upstream takes to answer: nothing here, so the second hop is all there is to see.</summary>
    protected virtual TimeSpan ServiceTime => TimeSpan.Zero;

    [GlobalSetup]
    public async Task StartAsync()
    {
        _upstream = await RawKestrel.StartAsync();
        _upstream.ServiceTime = ServiceTime;
        _kestrelProxy = await RawKestrelProxy.StartAsync(_upstream.BaseAddress);
        // An empty FileTree, as the other request scenarios serve: a temp directory would add the files stage's disk lookup of the
        // missing path to every request, which is the files stage's cost, not the proxy's (docs/benchmarks.md has both).
        _fixture = await HttpFixtureServer.StartAsync(new FileTree(), o => o.ProxyTo(_upstream.BaseAddress));
        _wireMock = WireMockServer.Start();
        _wireMock.Given(Request.Create().WithPath("/api/*").UsingGet()).RespondWith(Response.Create().WithProxy(_upstream.BaseAddress.ToString().TrimEnd('/')));
        _direct = Clients.For(_upstream.BaseAddress);
        _viaKestrel = Clients.For(_kestrelProxy.BaseAddress);
        _viaFixture = Clients.For(_fixture.BaseAddress);
        _viaWireMock = Clients.For(_wireMock.BaseAddress());
    }

    [Benchmark(Baseline = true)]
    public async Task<int> Kestrel() => (await _direct.GetByteArrayAsync(ItemPath)).Length;

    [Benchmark]
    public async Task<int> KestrelProxy() => (await _viaKestrel.GetByteArrayAsync(ItemPath)).Length;

    [Benchmark]
    public async Task<int> Fixture()
    {
        if (++_fixtureCount % 1024 == 0)
        {
            _fixture.ClearRequests();
        }

        return (await _viaFixture.GetByteArrayAsync(ItemPath)).Length;
    }

    [Benchmark]
    public async Task<int> WireMock()
    {
        if (++_wireMockCount % 1024 == 0)
        {
            _wireMock.ResetLogEntries();
        }

        return (await _viaWireMock.GetByteArrayAsync(ItemPath)).Length;
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        foreach (var client in new[] { _direct, _viaKestrel, _viaFixture, _viaWireMock })
        {
            client.Dispose();
        }

        await _fixture.DisposeAsync();
        await _kestrelProxy.DisposeAsync();
        _wireMock.Dispose();
        await _upstream.DisposeAsync();
    }
}
