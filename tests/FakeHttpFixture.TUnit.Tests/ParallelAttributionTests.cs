namespace FakeHttpFixture.TUnit.Tests;

// TUnit runs the three cases of the test at the same time on one server shared by the whole session; each hammers it, and waits
// until the other two have sent all of theirs before it looks: it must see exactly its own requests, no more and no fewer.
[ClassDataSource<HttpFixture>(Shared = SharedType.PerTestSession)]
public sealed class ParallelAttributionTests(HttpFixture fixture)
{
    private const int PerTest = 60;
    private const int Tests = 3;

    [Test]
    [Arguments("red")]
    [Arguments("green")]
    [Arguments("blue")]
    public async Task Sees_exactly_its_own_requests_while_two_parallel_neighbours_hammer_the_same_server(string colour)
    {
        var server = fixture.Server;
        using var client = server.CreateClient();
        await Gate.ArriveAsync("hammer-start", Tests);

        await Parallel.ForAsync(0, PerTest, async (i, cancellationToken) =>
        {
            using var response = await client.PostAsync($"hammer/{colour}/{i}", new StringContent(colour), cancellationToken);
        });
        await Gate.ArriveAsync("hammer-sent", Tests);
        server.AllRequests.Count(r => r.Path.StartsWith("/hammer/")).ShouldBe(PerTest * Tests);

        var mine = server.Requests;
        mine.Count.ShouldBe(PerTest);
        mine.ShouldAllBe(r => r.Path.StartsWith($"/hammer/{colour}/") && r.BodyText == colour && r.TestId == TestContext.Current!.Id);
        mine.Select(r => r.Path).Distinct().Count().ShouldBe(PerTest);
        server.ShouldHaveReceived(r => r.Path.StartsWith("/hammer/"), PerTest);
        (await server.WaitForRequestsAsync(PerTest, r => r.Method == "POST")).ShouldAllBe(r => r.BodyText == colour);
        server.JournalSummary().ShouldNotContain("[no test");
        server.Verify();

        // A test that passed has its requests released: none of the three may end before all three have looked.
        await Gate.ArriveAsync("hammer-checked", Tests);
    }
}
