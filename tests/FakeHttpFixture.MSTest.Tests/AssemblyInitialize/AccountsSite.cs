namespace FakeHttpFixture.MSTest.Tests.AssemblyInitialize;

// Starts one server for the whole assembly, before its first test and stopped after its last.
[TestClass]
public static class AccountsSite
{
    public static HttpFixtureServer Server { get; private set; } = null!;

    [AssemblyInitialize]
    public static async Task Start(TestContext context) =>
        Server = await HttpFixtureServer.StartAsync(new FileTree { ["accounts/42.json"] = """{ "id": 42 }""" }, o => o.FallbackStatusCode = 201);

    [AssemblyCleanup]
    public static async Task Stop() => await Server.DisposeAsync();
}
