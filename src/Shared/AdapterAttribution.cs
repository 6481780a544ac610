namespace FakeHttpFixture;

/// <summary>
/// Per-test attribution for the adapters (<see cref="TestScope"/>): each test begins a scope, enters it whenever the test reads its
/// server (so the requests it then sends carry its traceparent and baggage), and ends it after verification; on a shared server a
/// test that passed has its requests released from the journal, so that a long session's journal holds only what it needs.
/// </summary>
internal static class AdapterAttribution
{
    /// <summary>
    /// Ends a test as <see cref="AdapterServer.FinishAsync"/> does, inside the test's scope so that verification, the journal and the
    /// HAR see only its requests; then releases them from a shared server when the test and the verification passed.
    /// </summary>
    public static async Task FinishAsync(HttpFixtureServer server, TestScope? scope, bool owned, bool testFailed, Func<HttpFixtureServer, Task> report, string test)
    {
        // Entered inside this async method, the scope holds for what it awaits and is undone when it returns.
        scope?.Enter();
        try
        {
            await AdapterServer.FinishAsync(server, owned, testFailed, report, test).ConfigureAwait(false);
            if (!owned && !testFailed && scope is not null)
            {
                server.ReleaseRequests(scope);
            }
        }
        finally
        {
            scope?.Dispose();
        }
    }
}
