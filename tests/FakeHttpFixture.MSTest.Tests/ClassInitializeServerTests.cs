using FakeHttpFixture.AdapterTests;

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
        await SharedServerExpectations.IsResetBeforeEachTestAsync(Server, s_catalog, run);
    }

    [TestMethod]
    public async Task Neighbours_requests_stay_out_of_the_tests_view()
    {
        await AttributionExpectations.NeighboursRequestsStayOutOfTheTestsViewAsync(Server);
    }
}
