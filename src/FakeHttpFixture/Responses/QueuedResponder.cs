using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>Answers with the next response of the queue filled by <see cref="HttpFixtureServer.Enqueue(StubResponse)"/>, whatever the request.</summary>
internal sealed class QueuedResponder(StubRegistry registry) : IResponder
{
    public string Name => "queue";

    public async ValueTask<bool> TryRespondAsync(HttpContext context, RecordedRequest request)
    {
        if (!registry.TryDequeue(out var response))
        {
            return false;
        }

        await StubResponseWriter.WriteAsync(context, request, response!, registry).ConfigureAwait(false);
        return true;
    }
}
