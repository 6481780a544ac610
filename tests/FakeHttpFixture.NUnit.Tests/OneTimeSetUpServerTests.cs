namespace FakeHttpFixture.NUnit.Tests;

public sealed class OneTimeSetUpServerTests : HttpFixtureTest
{
    private HttpFixtureServer _catalog = null!;

    protected override HttpFixtureServer SharedServer => _catalog;

    [OneTimeSetUp]
    public async Task StartCatalog() =>
        _catalog = await HttpFixtureServer.StartAsync(new FileTree { ["catalog.json"] = """{ "items": 3 }""" });

    [OneTimeTearDown]
    public async Task StopCatalog() => await _catalog.DisposeAsync();

    [TestCase("first")]
    [TestCase("second")]
    [TestCase("third")]
    public async Task Fixture_server_is_shared_and_reset_before_each_test(string run)
    {
        Server.ShouldBeSameAs(_catalog);
        using var client = Server.CreateClient();

        (await client.GetStringAsync($"catalog.json?run={run}")).ShouldContain("\"items\": 3");

        // Without the reset the journal would still hold the requests of the cases that ran before this one.
        Server.Requests.ShouldHaveSingleItem().QueryString.ShouldBe($"?run={run}");
    }
}
