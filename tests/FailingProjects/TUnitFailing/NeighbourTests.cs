using FakeHttpFixture;

namespace TUnitFailing;

// Two tests on one strict server at the same time: one fails and leaves a request unanswered, the other passes. The failed test's
// output and HAR show only its own request; the passing one is not failed by its neighbour's miss.
[ClassDataSource<StrictFixture>(Shared = SharedType.Keyed, Key = "neighbours")]
public sealed class NeighbourTests(StrictFixture fixture)
{
    private static readonly TaskCompletionSource MineSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private static readonly TaskCompletionSource TheirsSent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Test]
    public async Task Fails_beside_a_busy_neighbour()
    {
        using var client = fixture.Server.CreateClient();
        using var mine = await client.GetAsync("mine");
        MineSent.TrySetResult();
        await TheirsSent.Task.WaitAsync(TimeSpan.FromMinutes(2));

        throw new InvalidOperationException("This test failed on purpose, beside a neighbour on the same server.");
    }

    [Test]
    public async Task Passes_beside_a_failing_neighbour()
    {
        fixture.Server.Stub(HttpMethod.Get, "/theirs").Respond(204);
        using var client = fixture.Server.CreateClient();
        using var theirs = await client.GetAsync("theirs");
        TheirsSent.TrySetResult();
        await MineSent.Task.WaitAsync(TimeSpan.FromMinutes(2));
    }
}
