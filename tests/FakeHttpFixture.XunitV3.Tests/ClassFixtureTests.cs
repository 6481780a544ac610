namespace FakeHttpFixture.XunitV3.Tests;

public sealed class CatalogSite : HttpFixture
{
    protected override FileTree ServedFiles => new() { ["catalog.json"] = """{ "items": 3 }""" };
}

public sealed class ClassFixtureTests(CatalogSite site) : HttpFixtureTest(site), IClassFixture<CatalogSite>
{
    [Theory]
    [InlineData("first")]
    [InlineData("second")]
    [InlineData("third")]
    public async Task Class_fixture_server_is_shared_and_reset_before_each_test(string run)
    {
        Server.ShouldBeSameAs(site.Server);
        using var client = Server.CreateClient();

        (await client.GetStringAsync($"catalog.json?run={run}")).ShouldContain("\"items\": 3");

        // Without the reset the journal would still hold the requests of the cases that ran before this one.
        Server.Requests.ShouldHaveSingleItem().QueryString.ShouldBe($"?run={run}");
    }
}
