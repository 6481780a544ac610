using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.Xunit.Tests;

public sealed class ClassFixtureTests(CatalogSite site, ITestOutputHelper output) : HttpFixtureTest(site, output), IClassFixture<CatalogSite>
{
    [Theory]
    [InlineData("first")]
    [InlineData("second")]
    [InlineData("third")]
    public async Task Class_fixture_server_is_shared_and_reset_before_each_test(string run)
    {
        await SharedServerExpectations.IsResetBeforeEachTestAsync(Server, site.Server, run);
    }

    [Fact]
    public async Task Neighbours_requests_stay_out_of_the_tests_view()
    {
        await AttributionExpectations.NeighboursRequestsStayOutOfTheTestsViewAsync(Server);
    }
}
