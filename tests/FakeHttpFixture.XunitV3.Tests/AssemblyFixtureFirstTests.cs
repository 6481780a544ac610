using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.XunitV3.Tests;

[Collection(AssemblyCatalogSite.Users)]
public sealed class AssemblyFixtureFirstTests(AssemblyCatalogSite site) : HttpFixtureTest(site)
{
    [Fact]
    public async Task Assembly_fixture_server_is_shared_and_reset_before_each_test()
    {
        await SharedServerExpectations.IsResetBeforeEachTestAsync(Server, site.Server, "first");
    }
}
