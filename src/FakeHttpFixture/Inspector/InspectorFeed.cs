using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>
/// The live feed of open inspector pages: server-sent events, one queue per page. Publishing never waits and formats nothing:
/// the request goes into each page's queue, and the page's own task writes it as JSON, off the request's path. A page that stops
/// reading loses its oldest events, not the server's time, and reloads the list when it reconnects.
/// </summary>
internal sealed class InspectorFeed
{
    private const int QueuedEventsPerPage = 10_000;

    private readonly Lock _gate = new();
    private Channel<(string Type, RecordedRequest? Request)>[] _pages = [];

    /// <summary>Tells every open page about <paramref name="request"/> (event "request"), or, with none, that the journal was reset.</summary>
    public void Publish(string type, RecordedRequest? request)
    {
        foreach (var page in Volatile.Read(ref _pages))
        {
            page.Writer.TryWrite((type, request));
        }
    }

    public async Task ServeAsync(HttpContext context, CancellationToken stopping)
    {
        var queue = Channel.CreateBounded<(string, RecordedRequest?)>(new BoundedChannelOptions(QueuedEventsPerPage) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            _pages = [.. _pages, queue];
        }

        try
        {
            using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-store";

            // The headers go out now: the page loads the list once the feed is open, so that nothing falls between the two.
            await context.Response.StartAsync(ended.Token).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(ended.Token).ConfigureAwait(false);
            await SseFormatter.WriteAsync(Format(queue.Reader, ended.Token), context.Response.Body, ended.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // The page went away or the server is stopping: the feed simply ends.
        }
        finally
        {
            lock (_gate)
            {
                _pages = [.. _pages.Where(page => page != queue)];
            }
        }
    }

    // A request queued at arrival may have completed by the time it is written: the page takes each event as the latest word.
    private static async IAsyncEnumerable<SseItem<string>> Format(ChannelReader<(string Type, RecordedRequest? Request)> queue, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (type, request) in queue.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new SseItem<string>(request is null ? "{}" : InspectorJson.Summary(request), type);
        }
    }
}
