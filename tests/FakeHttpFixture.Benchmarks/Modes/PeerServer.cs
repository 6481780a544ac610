using FakeHttpFixture.Benchmarks.Peers;
using WireMock.Server;

namespace FakeHttpFixture.Benchmarks;

/// <summary>Any of the three servers behind one face, for the memory mode.</summary>
internal sealed class PeerServer : IAsyncDisposable
{
    private readonly HttpFixtureServer? _fixture;
    private readonly RawKestrel? _kestrel;
    private readonly WireMockServer? _wireMock;

    private PeerServer(HttpFixtureServer? fixture, RawKestrel? kestrel, WireMockServer? wireMock)
    {
        _fixture = fixture;
        _kestrel = kestrel;
        _wireMock = wireMock;
        BaseAddress = fixture?.BaseAddress ?? kestrel?.BaseAddress ?? wireMock!.BaseAddress();
    }

    public Uri BaseAddress { get; }

    public static async Task<PeerServer> StartAsync(string peer) => peer switch
    {
        "fixture" => new(await HttpFixtureServer.StartAsync(new FileTree().Add("file.bin", Payload.File)), null, null),
        "kestrel" => new(null, await RawKestrel.StartAsync(), null),
        "wiremock" => new(null, null, WireMockPeer.Start()),
        _ => throw new ArgumentException($"Unknown server '{peer}': use fixture, kestrel or wiremock.", nameof(peer)),
    };

    public void ClearJournal()
    {
        _fixture?.ClearRequests();
        _wireMock?.ResetLogEntries();
    }

    /// <summary>Returns the length of the body the fixture recorded last, as a check that the upload was kept whole.</summary>
    public long? LastBodyLength() => _fixture?.Requests is { Count: > 0 } requests ? requests[^1].BodyLength : null;

    public async ValueTask DisposeAsync()
    {
        if (_fixture is not null)
        {
            await _fixture.DisposeAsync();
        }

        if (_kestrel is not null)
        {
            await _kestrel.DisposeAsync();
        }

        _wireMock?.Dispose();
    }
}
