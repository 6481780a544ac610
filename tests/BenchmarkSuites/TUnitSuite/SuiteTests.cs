using FakeHttpFixture;

namespace TUnitSuite;

public static class Cases
{
    public static IEnumerable<int> All() => Enumerable.Range(0, 200);

    // Five requests, as the test of a client library would send: GETs and 1 KiB POSTs, then a look at the journal.
    public static async Task FiveRequestsAsync(HttpFixtureServer server, int test)
    {
        using var client = server.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var response = i % 2 == 0
                ? await client.GetAsync($"t{test}/{i}")
                : await client.PostAsync($"t{test}/{i}", new ByteArrayContent(new byte[1024]));
        }

        if (server.Requests.Count != 5)
        {
            throw new InvalidOperationException($"Test {test} saw {server.Requests.Count} requests, not its 5.");
        }
    }
}

[ClassDataSource<HttpFixture>(Shared = SharedType.None)]
public sealed class ServerPerTest(HttpFixture fixture)
{
    [Test]
    [MethodDataSource(typeof(Cases), nameof(Cases.All))]
    public Task Five_requests(int test) => Cases.FiveRequestsAsync(fixture.Server, test);
}

[ClassDataSource<HttpFixture>(Shared = SharedType.PerTestSession)]
public sealed class SharedServer(HttpFixture fixture)
{
    [Test]
    [MethodDataSource(typeof(Cases), nameof(Cases.All))]
    public Task Five_requests(int test) => Cases.FiveRequestsAsync(fixture.Server, test);
}
