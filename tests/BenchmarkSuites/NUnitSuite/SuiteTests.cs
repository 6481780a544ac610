using FakeHttpFixture;
using NUnit.Framework;

namespace NUnitSuite;

public static class Cases
{
    public static IEnumerable<int> All => Enumerable.Range(0, 200);

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

        Assert.That(server.Requests, Has.Count.EqualTo(5));
    }
}

public sealed class ServerPerTest : HttpFixtureTest
{
    [TestCaseSource(typeof(Cases), nameof(Cases.All))]
    public Task Five_requests(int test) => Cases.FiveRequestsAsync(Server, test);
}

public sealed class OneSharedServer : HttpFixtureTest
{
    private static HttpFixtureServer? shared;

    protected override HttpFixtureServer? SharedServer => shared;

    [OneTimeSetUp]
    public static async Task StartSharedAsync() => shared = await HttpFixtureServer.StartAsync();

    [OneTimeTearDown]
    public static async Task StopSharedAsync() => await shared!.DisposeAsync();

    [TestCaseSource(typeof(Cases), nameof(Cases.All))]
    public Task Five_requests(int test) => Cases.FiveRequestsAsync(Server, test);
}
