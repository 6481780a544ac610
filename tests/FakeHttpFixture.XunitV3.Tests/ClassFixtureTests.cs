using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.XunitV3.Tests;

public sealed class ClassFixtureTests(CatalogSite site) : HttpFixtureTest(site), IClassFixture<CatalogSite>
{
    [Theory]
    [InlineData("first")]
    [InlineData("second")]
    [InlineData("third")]
    public async Task Class_fixture_server_is_shared_and_reset_before_each_test(string run)
    {
        await SharedServerExpectations.IsResetBeforeEachTestAsync(Server, site.Server, run);
    }
}
