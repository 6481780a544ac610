using FakeHttpFixture.AdapterTests;

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
        await SharedServerExpectations.IsResetBeforeEachTestAsync(Server, _catalog, run);
    }

    [Test]
    public async Task Neighbours_requests_stay_out_of_the_tests_view()
    {
        await AttributionExpectations.NeighboursRequestsStayOutOfTheTestsViewAsync(Server);
    }
}
