using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.XunitV3.Tests;

[Collection(AssemblyCatalogSite.Users)]
public sealed class AssemblyFixtureSecondTests(AssemblyCatalogSite site) : HttpFixtureTest(site)
{
    [Fact]
    public async Task Assembly_fixture_server_is_the_same_for_another_class()
    {
        await SharedServerExpectations.IsResetBeforeEachTestAsync(Server, site.Server, "second");
    }
}
