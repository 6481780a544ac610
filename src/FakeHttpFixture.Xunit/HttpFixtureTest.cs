using Xunit;
using Xunit.Abstractions;

namespace FakeHttpFixture;

/// <summary>
/// Provides a base class for xunit tests that talk to an <see cref="HttpFixtureServer"/>: with its own server per test,
/// or with the server of an <see cref="HttpFixture"/>, reset before each test. After each test it writes the journal to the test
/// output, with the miss report of each request nothing answered (the stubs nearest to it, condition by condition), and verifies
/// the server, failing the test with the verification message.
/// </summary>
/// <remarks>
/// xunit v2 does not tell a test class whether its test failed, so the journal is written after every test; runners show
/// the output of failed tests and keep that of passed ones in their result files.
/// </remarks>
public abstract class HttpFixtureTest : IAsyncLifetime
{
    private readonly HttpFixture? _shared;
    private HttpFixtureServer? _server;
    private TestScope? _scope;

    /// <summary>Initializes a new instance of the <see cref="HttpFixtureTest"/> class that starts a server of its own for each test.</summary>
    /// <param name="output">The test output, which receives the journal.</param>
    protected HttpFixtureTest(ITestOutputHelper output)
    {
        Output = output ?? throw new ArgumentNullException(nameof(output));
    }

    /// <summary>Initializes a new instance of the <see cref="HttpFixtureTest"/> class that uses the server of <paramref name="shared"/>.</summary>
    /// <param name="shared">The class or collection fixture whose server the test uses.</param>
    /// <param name="output">The test output, which receives the journal.</param>
    protected HttpFixtureTest(HttpFixture shared, ITestOutputHelper output)
        : this(output)
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

    /// <summary>Gets the test output the journal is written to.</summary>
    protected ITestOutputHelper Output { get; }

    /// <summary>Gets the directory a per-test server serves; ignored when <see cref="ServedFiles"/> is set or the server is shared.</summary>
    /// <value>The default value is <see langword="null"/>: a fresh temp directory is served.</value>
    protected virtual string? ServedDirectory => null;

    /// <summary>Gets the in-memory files a per-test server serves; ignored when the server is shared.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="ServedDirectory"/> is served.</value>
    protected virtual FileTree? ServedFiles => null;

    /// <summary>Starts the test's own server, or resets the shared one; xunit calls it before each test.</summary>
    /// <returns>A task that completes when the server is ready.</returns>
    public virtual async Task InitializeAsync()
    {
        // xunit v2 does not tell a test its name; the class's name and a fresh id tell tests apart.
        _scope = TestScope.Begin($"{GetType().FullName}/{Guid.NewGuid():N}", GetType().Name);
        _server = await AdapterServer.StartOrResetAsync(_shared?.Server, ServedDirectory, ServedFiles, Configure).ConfigureAwait(false);
    }

    /// <summary>Writes the journal to the output, verifies the server and stops it if the test owns it; xunit calls it after each test.</summary>
    /// <returns>A task that completes when the server is verified and, if owned, stopped.</returns>
    /// <exception cref="HttpFixtureVerificationException">The server found a problem; xunit fails the test with it.</exception>
    public virtual async Task DisposeAsync()
    {
        var server = _server;
        if (server is null)
        {
            return;
        }

        _server = null;

        // xunit v2 cannot say whether the test failed, so every test counts as one that might have: with
        // FAKEHTTP_KEEP_ON_FAILURE set, every test's server is kept, which is why the variable goes with a --filter for one test.
        var scope = _scope;
        _scope = null;
        await AdapterAttribution.FinishAsync(server, scope, owned: _shared is null, testFailed: true, ReportAsync, "The test (xunit v2 does not say whether it passed)").ConfigureAwait(false);
    }

    /// <summary>Sets the options of a per-test server before it starts; a shared server is configured by its fixture.</summary>
    /// <param name="options">The options to change.</param>
    protected virtual void Configure(HttpFixtureOptions options)
    {
    }

    private Task ReportAsync(HttpFixtureServer server)
    {
        Output.WriteLine(AdapterServer.Report(server));
        return Task.CompletedTask;
    }
}
