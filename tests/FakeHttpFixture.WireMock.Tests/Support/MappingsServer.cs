namespace FakeHttpFixture.WireMock.Tests.Support;

/// <summary>One fakehttp child process serving the reference mapping set with the admin API, shared by a test class.</summary>
public sealed class MappingsServer : IAsyncLifetime
{
    private FakehttpProcess? _process;

    public Uri BaseAddress => _process!.BaseAddress!;

    internal FakehttpProcess Process => _process!;

    public async ValueTask InitializeAsync() =>
        _process = await FakehttpProcess.ServeAsync(AppContext.BaseDirectory, "--mappings", MappingSets.Reference, "--admin", "--port", "0", "--quiet");

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
