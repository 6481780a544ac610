using System.Net.ServerSentEvents;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>
/// The live feed of open inspector pages: server-sent events, one queue per page. Publishing never waits: a page that stops
/// reading loses its oldest events, not the server's time, and reloads the list when it reconnects.
/// </summary>
internal sealed class InspectorFeed
{
    private const int QueuedEventsPerPage = 10_000;

    private readonly Lock _gate = new();
    private Channel<SseItem<string>>[] _pages = [];

    public bool HasSubscribers => Volatile.Read(ref _pages).Length != 0;

    public void Publish(string type, string json)
    {
        foreach (var page in Volatile.Read(ref _pages))
        {
            page.Writer.TryWrite(new SseItem<string>(json, type));
        }
    }

    public async Task ServeAsync(HttpContext context, CancellationToken stopping)
    {
        var queue = Channel.CreateBounded<SseItem<string>>(new BoundedChannelOptions(QueuedEventsPerPage) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
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
            await SseFormatter.WriteAsync(queue.Reader.ReadAllAsync(ended.Token), context.Response.Body, ended.Token).ConfigureAwait(false);
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
}
