namespace FakeHttpFixture.AdapterTests;

/// <summary>
/// ServerPorts remembers the servers the test cases of one class were given, to show that no case was handed the server of
/// another. It compares the server objects, not their ports: the OS may give a disposed server's port to the next one, which is
/// a new server all the same. Keep one instance per test class, in a static field.
/// </summary>
public sealed class ServerPorts
{
    private readonly List<HttpFixtureServer> _seen = [];
    private readonly Lock _gate = new();

    /// <summary>The server of <paramref name="testCase"/> is not one an earlier case of the class was given.</summary>
    public void ShouldBeNew(HttpFixtureServer server, string testCase)
    {
        lock (_gate)
        {
            _seen.Any(seen => ReferenceEquals(seen, server)).ShouldBeFalse($"the server of test case {testCase} (port {server.Port}) was not a new one");
            server.Requests.ShouldBeEmpty($"the server of test case {testCase} has requests it did not send");
            _seen.Add(server);
        }
    }
}
