namespace FakeHttpFixture.NUnit.Tests.SetUpFixtures;

// Starts one server for every fixture in this namespace, before the first of them and stopped after the last.
[SetUpFixture]
public sealed class AccountsSite
{
    public static HttpFixtureServer Server { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task Start() =>
        Server = await HttpFixtureServer.StartAsync(new FileTree { ["accounts/42.json"] = """{ "id": 42 }""" }, o => o.FallbackStatusCode = 201);

    [OneTimeTearDown]
    public async Task Stop() => await Server.DisposeAsync();
}
