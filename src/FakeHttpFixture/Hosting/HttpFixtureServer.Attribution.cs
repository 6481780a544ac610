namespace FakeHttpFixture;

/// <content>The whole journal of a shared server, and releasing what a finished test no longer needs.</content>
public sealed partial class HttpFixtureServer
{
    /// <summary>
    /// Gets a snapshot of every request received so far, in arrival order, whichever test caused it. Inside a test (a current
    /// <see cref="TestScope"/>), <see cref="Requests"/> lists only that test's requests and those no test can be named for.
    /// </summary>
    public IReadOnlyList<RecordedRequest> AllRequests => _journal.Snapshot();

    /// <summary>
    /// Removes the requests <paramref name="scope"/>'s test caused from the journal, so that a server shared by a whole test session
    /// holds only what running and failed tests need; the adapters call it when a test passed.
    /// </summary>
    /// <param name="scope">The test whose requests go.</param>
    /// <returns>How many requests were removed.</returns>
    public int ReleaseRequests(TestScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var id = scope.Id;
        return _journal.RemoveWhere(r => string.Equals(r.TestId, id, StringComparison.Ordinal));
    }
}
