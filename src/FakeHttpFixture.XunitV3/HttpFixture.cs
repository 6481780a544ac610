using Xunit;

namespace FakeHttpFixture;

/// <summary>
/// Owns one <see cref="HttpFixtureServer"/> shared by the tests of a class (<c>IClassFixture&lt;T&gt;</c>), a collection
/// (<c>ICollectionFixture&lt;T&gt;</c>) or the assembly (<c>[assembly: AssemblyFixture(typeof(T))]</c>); xunit starts it before the
/// first of those tests and disposes it after the last. Derive from it to say what to serve, and pass it to
/// <see cref="HttpFixtureTest"/>, which resets it before each test.
/// </summary>
public class HttpFixture : IAsyncLifetime
{
    private HttpFixtureServer? _server;

    /// <summary>Gets the shared server.</summary>
    /// <exception cref="InvalidOperationException">xunit has not initialized the fixture yet.</exception>
    public HttpFixtureServer Server => _server ?? throw new InvalidOperationException(
        "The shared server has not started yet. xunit starts it before the first test that uses the fixture; read Server from a test, not from the fixture's constructor.");

    /// <summary>
    /// Gets a value indicating whether <see cref="HttpFixtureTest"/> resets the server before each test (journal, stubs, problems).
    /// Make it <see langword="false"/> for a server that tests use at the same time (an assembly fixture used by parallel collections):
    /// each test then sees only the requests it caused (<see cref="TestScope"/>), and the stubs set up in <see cref="Configure"/> stay.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public virtual bool ResetBeforeEachTest => true;

    /// <summary>Gets the directory to serve, as it is on disk; ignored when <see cref="ServedFiles"/> is set.</summary>
    /// <value>The default value is <see langword="null"/>: a fresh temp directory is served.</value>
    protected virtual string? ServedDirectory => null;

    /// <summary>Gets the in-memory files to serve.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="ServedDirectory"/> is served.</value>
    protected virtual FileTree? ServedFiles => null;

    /// <summary>Starts the shared server; xunit calls it once, before the first test that uses the fixture.</summary>
    /// <returns>A task that completes when the server listens.</returns>
    public virtual async ValueTask InitializeAsync() =>
        _server = await AdapterServer.StartAsync(ServedDirectory, ServedFiles, Configure).ConfigureAwait(false);

    /// <summary>Stops the shared server; xunit calls it once, after the last test that uses the fixture.</summary>
    /// <returns>A task that completes when the port is released.</returns>
    public virtual async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Sets the server's options before it starts (TLS, default status, limits).</summary>
    /// <param name="options">The options to change.</param>
    protected virtual void Configure(HttpFixtureOptions options)
    {
    }
}
