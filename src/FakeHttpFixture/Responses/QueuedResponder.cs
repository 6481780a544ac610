namespace FakeHttpFixture;

/// <summary>Answers with the next response of the queue filled by <see cref="HttpFixtureServer.Enqueue(StubResponse)"/>, whatever the request.</summary>
internal sealed class QueuedResponder(ResponseQueue queue, ResponsePlayer player) : IResponder
{
    public Responder Stage => Responder.Queue;

    public async ValueTask<bool> TryRespondAsync(Exchange exchange)
    {
        if (!queue.TryDequeue(out var response))
        {
            return false;
        }

        await player.PlayAsync(exchange, response!).ConfigureAwait(false);
        return true;
    }
}
