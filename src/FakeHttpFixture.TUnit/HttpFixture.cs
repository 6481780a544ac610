using System.Collections.Concurrent;
using TUnit.Core;
using TUnit.Core.Interfaces;

namespace FakeHttpFixture;

/// <summary>
/// Owns one <see cref="HttpFixtureServer"/> that TUnit hands to test classes with
/// <c>[ClassDataSource&lt;HttpFixture&gt;(Shared = SharedType.PerTestSession)]</c> (or <c>PerAssembly</c>, <c>PerClass</c>, <c>Keyed</c>)
/// and a constructor parameter. TUnit starts it before the first test that uses it and disposes it after the last. Tests share it
/// in parallel, so each test sees only the requests it caused (<see cref="TestScope"/>): reading <see cref="Server"/> from a test
/// makes the test's activity current, so its requests carry the test in their <c>traceparent</c> and <c>baggage</c> headers.
/// After each test the fixture verifies the test's part of the server and fails the test with the verification message; when the
/// test failed, it writes the test's journal and miss reports to the test output, attaches the journal as a HAR artifact, and with
/// FAKEHTTP_KEEP_ON_FAILURE=1 keeps the server up to poke at. A test that passed has its requests released from the journal.
/// </summary>
public class HttpFixture : IAsyncInitializer, IAsyncDisposable, ITestStartEventReceiver, ITestEndEventReceiver
{
    private readonly ConcurrentDictionary<string, TestScope> _tests = new(StringComparer.Ordinal);
    private HttpFixtureServer? _server;

    /// <summary>Gets the shared server; read from a test, it also makes that test's activity current, so its requests are attributed to it.</summary>
    /// <exception cref="InvalidOperationException">TUnit has not initialized the fixture yet.</exception>
    public HttpFixtureServer Server
    {
        get
        {
            var server = _server ?? throw new InvalidOperationException(
                "The shared server has not started yet. TUnit starts it (InitializeAsync) before the first test that receives the fixture; read Server from a test, not from the fixture's constructor.");
            if (TestContext.Current is { } test)
            {
                ScopeOf(test).Enter();
            }

            return server;
        }
    }

    /// <summary>Gets the directory to serve, as it is on disk; ignored when <see cref="ServedFiles"/> is set.</summary>
    /// <value>The default value is <see langword="null"/>: a fresh temp directory is served.</value>
    protected virtual string? ServedDirectory => null;

    /// <summary>Gets the in-memory files to serve.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="ServedDirectory"/> is served.</value>
    protected virtual FileTree? ServedFiles => null;

    /// <summary>Starts the shared server; TUnit calls it once, before the first test that receives the fixture.</summary>
    /// <returns>A task that completes when the server listens.</returns>
    public virtual async Task InitializeAsync() =>
        _server = await AdapterServer.StartAsync(ServedDirectory, ServedFiles, Configure).ConfigureAwait(false);

    /// <summary>Stops the shared server; TUnit calls it once, after the last test that received the fixture.</summary>
    /// <returns>A task that completes when the port is released.</returns>
    public virtual async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Begins the test's scope; TUnit calls it before each test that receives the fixture.</summary>
    /// <param name="context">The test that starts.</param>
    /// <returns>A completed task.</returns>
    public ValueTask OnTestStart(TestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ScopeOf(context);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Verifies the test's part of the server, reports the journal of a failed test, and releases the requests of a test that passed;
    /// TUnit calls it after each test that received the fixture.
    /// </summary>
    /// <param name="context">The test that ended.</param>
    /// <returns>A task that completes when the server is verified.</returns>
    /// <exception cref="HttpFixtureVerificationException">The server found a problem in the test's requests; TUnit fails the test with it.</exception>
    public async ValueTask OnTestEnd(TestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var server = _server;
        if (server is null || !_tests.TryRemove(context.Id, out var scope))
        {
            return;
        }

        using (scope)
        {
            scope.Enter();
            var state = context.Execution.Result?.State;
            var failed = state is TestState.Failed or TestState.Timeout;
            await AdapterServer.FinishAsync(server, owned: false, failed, s => TUnitReport.WriteAsync(s, context), scope.Name).ConfigureAwait(false);

            if (!failed)
            {
                server.ReleaseRequests(scope);
            }
        }
    }

    /// <summary>Sets the server's options before it starts (TLS, default status, limits).</summary>
    /// <param name="options">The options to change.</param>
    protected virtual void Configure(HttpFixtureOptions options)
    {
    }

    private TestScope ScopeOf(TestContext test) =>
        _tests.GetOrAdd(test.Id, static (id, t) =>
        {
            var scope = TestScope.Begin(id, t.Metadata.DisplayName);
            t.RegisterTrace(scope.TraceId);
            return scope;
        }, test);
}
