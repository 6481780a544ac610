using FakeHttpFixture;
using Xunit;
using Xunit.Abstractions;

namespace XunitSuite;

public static class Cases
{
    public static TheoryData<int> All
    {
        get
        {
            var data = new TheoryData<int>();
            foreach (var i in Enumerable.Range(0, 200))
            {
                data.Add(i);
            }

            return data;
        }
    }

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

        Assert.Equal(5, server.Requests.Count);
    }
}

public sealed class ServerPerTest(ITestOutputHelper output) : HttpFixtureTest(output)
{
    [Theory]
    [MemberData(nameof(Cases.All), MemberType = typeof(Cases))]
    public Task Five_requests(int test) => Cases.FiveRequestsAsync(Server, test);
}

public sealed class Site : HttpFixture
{
}

public sealed class SharedServer(Site site, ITestOutputHelper output) : HttpFixtureTest(site, output), IClassFixture<Site>
{
    [Theory]
    [MemberData(nameof(Cases.All), MemberType = typeof(Cases))]
    public Task Five_requests(int test) => Cases.FiveRequestsAsync(Server, test);
}
