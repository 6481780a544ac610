using System.Collections.Concurrent;

namespace FakeHttpFixture.AdapterTests;

/// <summary>
/// What per-test attribution must give each adapter's tests on a shared server: a test sees exactly the requests it caused, while
/// neighbours that run at the same time (or, in a framework whose tests here run one at a time, a neighbour's scope on another
/// thread) send to the same server.
/// </summary>
public static class AttributionExpectations
{
    public const int PerTest = 40;

    private static readonly ConcurrentDictionary<string, (TaskCompletionSource All, int[] Count)> Gates = new();

    /// <summary>
    /// Runs beside <paramref name="tests"/> − 1 other tests that do the same: all hammer <paramref name="server"/> at once, and once all
    /// have sent everything, each must see exactly its own <see cref="PerTest"/> requests in its journal, waits and assertions.
    /// </summary>
    public static async Task SeesExactlyItsOwnRequestsBesideParallelNeighboursAsync(HttpFixtureServer server, string name, int tests)
    {
        using var client = server.CreateClient();
        await ArriveAsync("start", tests);
        await Parallel.ForAsync(0, PerTest, async (i, cancellationToken) =>
        {
            using var response = await client.PostAsync($"hammer/{name}/{i}", new StringContent(name), cancellationToken);
        });
        await ArriveAsync("sent", tests);

        server.AllRequests.Count(r => r.Path.StartsWith("/hammer/", StringComparison.Ordinal)).ShouldBe(PerTest * tests);
        var mine = server.Requests;
        mine.Count.ShouldBe(PerTest);
        mine.ShouldAllBe(r => r.BodyText == name && r.TestId == TestScope.Current!.Id);
        mine.Select(r => r.Path).Distinct().Count().ShouldBe(PerTest);
        server.ShouldHaveReceived(r => r.Path.StartsWith("/hammer/"), PerTest);
        (await server.WaitForRequestsAsync(PerTest, r => r.Method == "POST")).ShouldAllBe(r => r.BodyText == name);
        server.JournalSummary().ShouldNotContain("[no test");

        // A test that passed has its requests released: none may end before all have looked.
        await ArriveAsync("checked", tests);
    }

    /// <summary>The requests the test sends carry it; a neighbour's, sent under its own scope on another thread, stay out of the test's view.</summary>
    public static async Task NeighboursRequestsStayOutOfTheTestsViewAsync(HttpFixtureServer server)
    {
        var me = TestScope.Current.ShouldNotBeNull("The adapter makes the test's scope current when the test reads Server.");
        using var client = server.CreateClient();
        using (await client.GetAsync("mine"))
        {
        }

        await Task.Run(async () =>
        {
            using var neighbour = TestScope.Begin($"neighbour/{Guid.NewGuid():N}", "A neighbour");
            neighbour.Enter();
            using var response = await client.GetAsync("theirs");
        });

        server.Requests.ShouldHaveSingleItem().Path.ShouldBe("/mine");
        server.Requests[0].TestId.ShouldBe(me.Id);
        server.AllRequests.ShouldContain(r => r.Path == "/theirs");
        server.ShouldHaveReceived(r => r.Path == "/theirs", 0);
    }

    private static async Task ArriveAsync(string gate, int expected)
    {
        var (all, count) = Gates.GetOrAdd(gate, _ => (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), new int[1]));
        if (Interlocked.Increment(ref count[0]) == expected)
        {
            all.TrySetResult();
        }

        try
        {
            await all.Task.WaitAsync(TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException)
        {
            var failure = new TimeoutException($"Only {Volatile.Read(ref count[0])} of {expected} tests reached the gate {gate} at the same time.");
            all.TrySetException(failure);
            throw failure;
        }
    }
}
