using NUnit.Framework;
using NUnit.Framework.Interfaces;

namespace FakeHttpFixture;

/// <summary>
/// Provides a base class for NUnit fixtures whose tests talk to an <see cref="HttpFixtureServer"/>: with a server of
/// their own per test, or with a shared one (<see cref="SharedServer"/>), reset before each test. After each test it verifies
/// the server and fails the test with the verification message; when the test failed, it writes the journal to
/// <see cref="TestContext.Out"/>, with the miss report of each request nothing answered (the stubs nearest to it, condition by
/// condition), and attaches the journal as a HAR file.
/// </summary>
/// <remarks>
/// To run the tests of one fixture in parallel with a server each, mark the fixture
/// <c>[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]</c> so that each test has its own instance.
/// </remarks>
public abstract class HttpFixtureTest
{
    private HttpFixtureServer? _server;
    private bool _owned;
    private TestScope? _scope;

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
                "The server starts in the [SetUp] of HttpFixtureTest; read Server from a test or from a [SetUp] of the derived class.");
            _scope?.Enter();
            return server;
        }
    }

    /// <summary>
    /// Gets a server started elsewhere (in a <c>[OneTimeSetUp]</c> for the fixture, or a <c>[SetUpFixture]</c> for a namespace or
    /// the assembly) that the tests share; it is reset before each test and never stopped here.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: each test starts a server of its own.</value>
    protected virtual HttpFixtureServer? SharedServer => null;

    /// <summary>Gets the directory a per-test server serves; ignored when <see cref="ServedFiles"/> is set or the server is shared.</summary>
    /// <value>The default value is <see langword="null"/>: a fresh temp directory is served.</value>
    protected virtual string? ServedDirectory => null;

    /// <summary>Gets the in-memory files a per-test server serves; ignored when the server is shared.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="ServedDirectory"/> is served.</value>
    protected virtual FileTree? ServedFiles => null;

    /// <summary>Starts the test's own server, or resets the shared one; NUnit calls it before each test.</summary>
    /// <returns>A task that completes when the server is ready.</returns>
    [SetUp]
    public async Task StartHttpFixtureAsync()
    {
        var shared = SharedServer;
        _owned = shared is null;
        var test = TestContext.CurrentContext.Test;
        _scope = TestScope.Begin($"{test.ID}/{Guid.NewGuid():N}", test.FullName);
        _server = await AdapterServer.StartOrResetAsync(shared, ServedDirectory, ServedFiles, Configure).ConfigureAwait(false);
    }

    /// <summary>Verifies the server, reports the journal of a failed test and stops the server if the test owns it; NUnit calls it after each test.</summary>
    /// <returns>A task that completes when the server is verified and, if owned, stopped.</returns>
    /// <exception cref="HttpFixtureVerificationException">The server found a problem; NUnit fails the test with it.</exception>
    [TearDown]
    public async Task StopHttpFixtureAsync()
    {
        var server = _server;
        if (server is null)
        {
            return;
        }

        _server = null;
        var context = TestContext.CurrentContext;
        var failed = context.Result.Outcome.Status == TestStatus.Failed;
        var scope = _scope;
        _scope = null;
        await AdapterAttribution.FinishAsync(server, scope, _owned, failed, ReportAsync, context.Test.FullName).ConfigureAwait(false);
    }

    /// <summary>Sets the options of a per-test server before it starts; a shared server is configured where it is started.</summary>
    /// <param name="options">The options to change.</param>
    protected virtual void Configure(HttpFixtureOptions options)
    {
    }

    private static async Task ReportAsync(HttpFixtureServer server)
    {
        var context = TestContext.CurrentContext;
        await TestContext.Out.WriteLineAsync(AdapterServer.Report(server)).ConfigureAwait(false);
        var directory = Path.Combine(context.WorkDirectory, "FakeHttpFixture");
        TestContext.AddTestAttachment(AdapterServer.SaveHar(server, directory, context.Test.FullName), "The requests the fixture server received, as HAR.");
    }
}
