namespace FakeHttpFixture.AdapterTests;

/// <summary>
/// ServerPorts remembers the ports of the servers the test cases of one class were given, to show that no case was handed the
/// server of another. Keep one instance per test class, in a static field.
/// </summary>
public sealed class ServerPorts
{
    private readonly List<int> _seen = [];
    private readonly Lock _gate = new();

    /// <summary>The server of <paramref name="testCase"/> listens on a port no earlier case of the class was given.</summary>
    public void ShouldBeNew(HttpFixtureServer server, string testCase)
    {
        lock (_gate)
        {
            _seen.ShouldNotContain(server.Port, $"the server of test case {testCase} was not a new one");
            _seen.Add(server.Port);
        }
    }
}
