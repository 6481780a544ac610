using FakeHttpFixture;
using Xunit;

namespace XunitV3Suite;

public static class Cases
{
    public static TheoryData<int> All => [.. Enumerable.Range(0, 200)];

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

        Assert.Equal(5, server.Requests.Count);
    }
}

public sealed class ServerPerTest : HttpFixtureTest
{
    [Theory]
    [MemberData(nameof(Cases.All), MemberType = typeof(Cases))]
    public Task Five_requests(int test) => Cases.FiveRequestsAsync(Server, test);
}

public sealed class Site : HttpFixture
{
    public override bool ResetBeforeEachTest => false;
}

public sealed class SharedServer(Site site) : HttpFixtureTest(site), IClassFixture<Site>
{
    [Theory]
    [MemberData(nameof(Cases.All), MemberType = typeof(Cases))]
    public Task Five_requests(int test) => Cases.FiveRequestsAsync(Server, test);
}
