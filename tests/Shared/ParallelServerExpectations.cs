namespace FakeHttpFixture.AdapterTests;

/// <summary>
/// What each of <see cref="ParallelGate.Expected"/> tests that run at the same time can count on: a server, a port and a journal
/// of its own. How a framework is made to run them at once (classes, test cases, workers) is up to each adapter's tests.
/// </summary>
public static class ParallelServerExpectations
{
    /// <summary>
    /// Waits until all the parallel tests hold their servers, then shows that no two share a port and that the journal of
    /// <paramref name="server"/> holds only what <paramref name="test"/> sent.
    /// </summary>
    public static async Task RunsAlongsideTheOthersWithAServerOfItsOwnAsync(HttpFixtureServer server, string test)
    {
        var ports = await ParallelGate.ArriveAsync(test, server.Port);

        ports.Distinct().Count().ShouldBe(ParallelGate.Expected);
        using var client = server.CreateClient();
        using var response = await client.PostAsync("from", new StringContent(test));
        server.Requests.ShouldHaveSingleItem().BodyText.ShouldBe(test);
    }
}
