using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace FakeHttpFixture;

/// <summary>
/// Provides a base class for MSTest classes whose tests talk to an <see cref="HttpFixtureServer"/>: with a server of
/// their own per test, or with a shared one (<see cref="SharedServer"/>), reset before each test. After each test it verifies
/// the server and fails the test with the verification message; when the test failed, it writes the journal to the test's
/// output, with the miss report of each request nothing answered (the stubs nearest to it, condition by condition), and adds the
/// journal as a HAR result file.
/// </summary>
public abstract class HttpFixtureTest
{
    private HttpFixtureServer? _server;
    private bool _owned;
    private TestScope? _scope;

    /// <summary>Gets or sets the context of the current test; MSTest sets it before each test.</summary>
    public TestContext TestContext { get; set; } = null!;

    /// <summary>
    /// Gets the server of the current test; read from the test, it also makes the test's activity current (<see cref="TestScope"/>),
    /// so that the requests the test then causes are attributed to it and, on a shared server, it sees only those.
    /// </summary>
    /// <exception cref="InvalidOperationException">Read outside a test.</exception>
    protected HttpFixtureServer Server
    {
        get
        {
            var server = _server ?? throw new InvalidOperationException(
                "The server starts in the [TestInitialize] of HttpFixtureTest; read Server from a test or from a [TestInitialize] of the derived class.");
            _scope?.Enter();
            return server;
        }
    }

    /// <summary>
    /// Gets a server started elsewhere (in a <c>[ClassInitialize]</c> for the class, or an <c>[AssemblyInitialize]</c> for the
    /// assembly) that the tests share; it is reset before each test and never stopped here.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: each test starts a server of its own.</value>
    protected virtual HttpFixtureServer? SharedServer => null;

    /// <summary>Gets the directory a per-test server serves; ignored when <see cref="ServedFiles"/> is set or the server is shared.</summary>
    /// <value>The default value is <see langword="null"/>: a fresh temp directory is served.</value>
    protected virtual string? ServedDirectory => null;

    /// <summary>Gets the in-memory files a per-test server serves; ignored when the server is shared.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="ServedDirectory"/> is served.</value>
    protected virtual FileTree? ServedFiles => null;

    /// <summary>Starts the test's own server, or resets the shared one; MSTest calls it before each test.</summary>
    /// <returns>A task that completes when the server is ready.</returns>
    [TestInitialize]
    public async Task StartHttpFixtureAsync()
    {
        var shared = SharedServer;
        _owned = shared is null;
        var name = TestContext.FullyQualifiedTestClassName + "." + TestContext.TestName;
        _scope = TestScope.Begin($"{name}/{Guid.NewGuid():N}", name);
        _server = await AdapterServer.StartOrResetAsync(shared, ServedDirectory, ServedFiles, Configure).ConfigureAwait(false);
    }

    /// <summary>Verifies the server, reports the journal of a failed test and stops the server if the test owns it; MSTest calls it after each test.</summary>
    /// <returns>A task that completes when the server is verified and, if owned, stopped.</returns>
    /// <exception cref="HttpFixtureVerificationException">The server found a problem; MSTest fails the test with it.</exception>
    [TestCleanup]
    public async Task StopHttpFixtureAsync()
    {
        var server = _server;
        if (server is null)
        {
            return;
        }

        _server = null;
        var failed = TestContext.CurrentTestOutcome is UnitTestOutcome.Failed or UnitTestOutcome.Error or UnitTestOutcome.Timeout or UnitTestOutcome.Aborted;
        var scope = _scope;
        _scope = null;
        await AdapterAttribution.FinishAsync(server, scope, _owned, failed, ReportAsync, TestContext.FullyQualifiedTestClassName + "." + TestContext.TestName).ConfigureAwait(false);
    }

    /// <summary>Sets the options of a per-test server before it starts; a shared server is configured where it is started.</summary>
    /// <param name="options">The options to change.</param>
    protected virtual void Configure(HttpFixtureOptions options)
    {
    }

    private Task ReportAsync(HttpFixtureServer server)
    {
        TestContext.WriteLine(AdapterServer.Report(server));
        var directory = TestContext.TestResultsDirectory ?? Path.Combine(Path.GetTempPath(), "FakeHttpFixture");
        TestContext.AddResultFile(AdapterServer.SaveHar(server, directory, TestContext.FullyQualifiedTestClassName + "." + TestContext.TestName));
        return Task.CompletedTask;
    }
}
