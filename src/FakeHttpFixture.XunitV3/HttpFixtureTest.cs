using Xunit;

namespace FakeHttpFixture;

/// <summary>
/// Provides a base class for xunit v3 tests that talk to an <see cref="HttpFixtureServer"/>: with its own server per test,
/// or with the server of an <see cref="HttpFixture"/>, reset before each test. After each test it verifies the server and fails
/// the test with the verification message; when the test failed, it writes the journal to the test output, with the miss
/// report of each request nothing answered (the stubs nearest to it, condition by condition), and attaches the journal as a HAR
/// file (<c>TestContext.Current.AddAttachment</c>).
/// </summary>
public abstract class HttpFixtureTest : IAsyncLifetime
{
    private readonly HttpFixture? _shared;
    private HttpFixtureServer? _server;
    private TestScope? _scope;

    /// <summary>Initializes a new instance of the <see cref="HttpFixtureTest"/> class that starts a server of its own for each test.</summary>
    protected HttpFixtureTest()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="HttpFixtureTest"/> class that uses the server of <paramref name="shared"/>.</summary>
    /// <param name="shared">The class, collection or assembly fixture whose server the test uses.</param>
    protected HttpFixtureTest(HttpFixture shared)
    {
        _shared = shared ?? throw new ArgumentNullException(nameof(shared));
    }

    /// <summary>
    /// Gets the server of the current test; read from the test, it also makes the test's activity current (<see cref="TestScope"/>),
    /// so that the requests the test then causes are attributed to it and, on a shared server, it sees only those.
    /// </summary>
    /// <exception cref="InvalidOperationException">Read from the constructor, before xunit initialized the test.</exception>
    protected HttpFixtureServer Server
    {
        get
        {
            var server = _server ?? throw new InvalidOperationException(
                "The server starts after the test class's constructor has run; read Server from the test method.");
            _scope?.Enter();
            return server;
        }
    }

    /// <summary>Gets the directory a per-test server serves; ignored when <see cref="ServedFiles"/> is set or the server is shared.</summary>
    /// <value>The default value is <see langword="null"/>: a fresh temp directory is served.</value>
    protected virtual string? ServedDirectory => null;

    /// <summary>Gets the in-memory files a per-test server serves; ignored when the server is shared.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="ServedDirectory"/> is served.</value>
    protected virtual FileTree? ServedFiles => null;

    /// <summary>Starts the test's own server, or resets the shared one; xunit calls it before each test.</summary>
    /// <returns>A task that completes when the server is ready.</returns>
    public virtual async ValueTask InitializeAsync()
    {
        var test = TestContext.Current.Test;
        _scope = TestScope.Begin($"{test?.UniqueID ?? "xunit"}/{Guid.NewGuid():N}", test?.TestDisplayName ?? GetType().Name);
        _server = _shared is { ResetBeforeEachTest: false } ? _shared.Server
            : await AdapterServer.StartOrResetAsync(_shared?.Server, ServedDirectory, ServedFiles, Configure).ConfigureAwait(false);
    }

    /// <summary>Verifies the server, reports the journal of a failed test and stops the server if the test owns it; xunit calls it after each test.</summary>
    /// <returns>A task that completes when the server is verified and, if owned, stopped.</returns>
    /// <exception cref="HttpFixtureVerificationException">The server found a problem; xunit fails the test with it.</exception>
    public virtual async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        var server = _server;
        if (server is null)
        {
            return;
        }

        _server = null;
        var context = TestContext.Current;
        var failed = context.TestState?.Result == TestResult.Failed;
        var scope = _scope;
        _scope = null;
        await AdapterAttribution.FinishAsync(server, scope, owned: _shared is null, failed, ReportAsync, context.Test?.TestDisplayName ?? "The test").ConfigureAwait(false);
    }

    /// <summary>Sets the options of a per-test server before it starts; a shared server is configured by its fixture.</summary>
    /// <param name="options">The options to change.</param>
    protected virtual void Configure(HttpFixtureOptions options)
    {
    }

    private static async Task ReportAsync(HttpFixtureServer server)
    {
        var context = TestContext.Current;
        context.TestOutputHelper?.WriteLine(AdapterServer.Report(server));
        var har = AdapterServer.SaveHar(server, Path.GetTempPath(), "FakeHttpFixture-journal");
        try
        {
            context.AddAttachment("FakeHttpFixture-journal.har", await File.ReadAllBytesAsync(har).ConfigureAwait(false), "application/json");
        }
        finally
        {
            File.Delete(har);
        }
    }
}
