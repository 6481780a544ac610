using FakeHttpFixture;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace MSTestSuite;

public static class Cases
{
    public static IEnumerable<object[]> All => Enumerable.Range(0, 200).Select(i => new object[] { i });

    // The same five requests as the TUnit and xunit v3 suites: GETs and 1 KiB POSTs, then a look at the journal.
    public static async Task FiveRequestsAsync(HttpFixtureServer server, int test)
    {
        using var client = server.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var response = i % 2 == 0
                ? await client.GetAsync($"t{test}/{i}")
                : await client.PostAsync($"t{test}/{i}", new ByteArrayContent(new byte[1024]));
        }

        Assert.AreEqual(5, server.Requests.Count);
    }
}

[TestClass]
public sealed class ServerPerTest : HttpFixtureTest
{
    [TestMethod]
    [DynamicData(nameof(Cases.All), typeof(Cases))]
    public Task Five_requests(int test) => Cases.FiveRequestsAsync(Server, test);
}

[TestClass]
public sealed class OneSharedServer : HttpFixtureTest
{
    private static HttpFixtureServer? shared;

    protected override HttpFixtureServer? SharedServer => shared;

    [ClassInitialize]
    public static async Task StartSharedAsync(TestContext context) => shared = await HttpFixtureServer.StartAsync();

    [ClassCleanup]
    public static async Task StopSharedAsync() => await shared!.DisposeAsync();

    [TestMethod]
    [DynamicData(nameof(Cases.All), typeof(Cases))]
    public Task Five_requests(int test) => Cases.FiveRequestsAsync(Server, test);
}
