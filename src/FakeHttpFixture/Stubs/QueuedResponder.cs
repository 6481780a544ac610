namespace FakeHttpFixture;

/// <summary>Answers with the next response of the queue filled by <see cref="HttpFixtureServer.Enqueue(StubResponse)"/>, whatever the request.</summary>
internal sealed class QueuedResponder(ResponseQueue queue, ResponsePlayer player) : IResponder
{
    public ResponseSource Stage => ResponseSource.Queue;

    // Not async itself: with nothing queued, a process's first request compiles no state machine for this stage.
    public ValueTask<bool> TryRespondAsync(Exchange exchange) =>
        queue.TryDequeue(out var response) ? PlayAsync(exchange, response!) : new(false);

    private async ValueTask<bool> PlayAsync(Exchange exchange, StubResponse response)
    {
        await player.PlayAsync(exchange, response).ConfigureAwait(false);
        return true;
    }
}
