namespace FakeHttpFixture.MSTest.Tests;

[TestClass]
[DoNotParallelize]
public sealed class ClassInitializeServerTests : HttpFixtureTest
{
    private static HttpFixtureServer s_catalog = null!;

    protected override HttpFixtureServer SharedServer => s_catalog;

    [ClassInitialize]
    public static async Task StartCatalog(TestContext context) =>
        s_catalog = await HttpFixtureServer.StartAsync(new FileTree { ["catalog.json"] = """{ "items": 3 }""" });

    [ClassCleanup]
    public static async Task StopCatalog() => await s_catalog.DisposeAsync();

    [TestMethod]
    [DataRow("first")]
    [DataRow("second")]
    [DataRow("third")]
    public async Task Class_server_is_shared_and_reset_before_each_test(string run)
    {
        Server.ShouldBeSameAs(s_catalog);
        using var client = Server.CreateClient();

        (await client.GetStringAsync($"catalog.json?run={run}")).ShouldContain("\"items\": 3");

        // Without the reset the journal would still hold the requests of the cases that ran before this one.
        Server.Requests.ShouldHaveSingleItem().QueryString.ShouldBe($"?run={run}");
    }
}
