using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FakeHttpFixture;

/// <summary>
/// Plays one event stream: the headers at once, then each event as its source gives it, after its wait, with comment lines to
/// keep a silent stream alive, until the source ends or the script breaks the stream. Events are formatted by the framework's
/// <see cref="SseFormatter"/>, which flushes each one; each is recorded once it has been flushed.
/// </summary>
/// <remarks>
/// Only the waits (for the source, a delay, the feed) watch the cancellation token; writes do not, as a registration per
/// write and flush would be most of the cost of an event. A write cannot outlive the request: Kestrel completes it when the
/// client leaves, and aborts it when the server stops.
/// </remarks>
internal sealed partial class EventStreamPlayer : IAsyncEnumerable<SseItem<string>>, IAsyncEnumerator<SseItem<string>>
{
    private readonly Exchange _exchange;
    private readonly Stream _body;
    private readonly EventStreamScript _script;
    private readonly CancellationToken _token;
    private SseItem<string>? _pending;
    private TaskCompletionSource? _pendingDone;
    private TaskCompletionSource? _breakDone;
    private IAsyncEnumerator<(EventStreamStep Step, TaskCompletionSource? Done)>? _steps;
    private int _sent;

    private EventStreamPlayer(Exchange exchange, Stream body, EventStreamScript script, CancellationToken token)
    {
        _exchange = exchange;
        _body = body;
        _script = script;
        _token = token;
    }

    /// <summary>Gets the event the formatter writes next.</summary>
    public SseItem<string> Current { get; private set; }

    /// <summary>Gets the fault that ends the stream, once the events have run out to it; <see cref="ResponseFault.None"/> for a clean end.</summary>
    private ResponseFault Break { get; set; }

    public static async Task PlayAsync(Exchange exchange, StubResponse response, EventStreamScript script, CancellationToken token)
    {
        var http = exchange.Context.Response;
        http.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            http.Headers.Append(name, value);
        }

        http.ContentType = response.ContentType ?? "text/event-stream";
        if (!http.Headers.ContainsKey(HeaderNames.CacheControl))
        {
            // A cached or buffered event stream is no stream: proxies and browsers are told not to keep it.
            http.Headers.CacheControl = "no-cache";
        }

        exchange.BeginEventStream(script.Events?.Length ?? 0);
        if (HttpMethods.IsHead(exchange.Context.Request.Method))
        {
            return;
        }

        // The headers go out before the first event, so the client sees the stream open even when that event waits.
        await http.StartAsync(token).ConfigureAwait(false);
        await http.Body.FlushAsync(token).ConfigureAwait(false);
        if (response.BodyDelay > TimeSpan.Zero)
        {
            await Task.Delay(response.BodyDelay, token).ConfigureAwait(false);
        }

        if (response.Fault == ResponseFault.CloseAfterHeaders)
        {
            script = script with { BreakAfter = 0, BreakFault = ResponseFault.CloseAfterHeaders };
        }

        var player = new EventStreamPlayer(exchange, http.Body, script, token);
        try
        {
            await SseFormatter.WriteAsync(player, http.Body, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            // An event the formatter could not flush, or a send the test awaits on a stream that ended, must not wait for ever.
            player._pendingDone?.TrySetResult();
        }

        if (player.Break == ResponseFault.None)
        {
            return;
        }

        // A test that sent the break is told once it is played; a hang is played for as long as the stream lasts, so at its start.
        if (player.Break == ResponseFault.Hang)
        {
            player._breakDone?.TrySetResult();
        }

        try
        {
            await EventStreamFaults.PlayAsync(exchange, player.Break, token).ConfigureAwait(false);
        }
        finally
        {
            player._breakDone?.TrySetResult();
        }
    }

    /// <summary>The player as the sequence the formatter enumerates, once.</summary>
    IAsyncEnumerator<SseItem<string>> IAsyncEnumerable<SseItem<string>>.GetAsyncEnumerator(CancellationToken cancellationToken)
    {
        _steps = _script.Events is null ? StepsAsync(_token).GetAsyncEnumerator(_token) : null;
        return this;
    }

    /// <summary>
    /// Moves to the next event. The formatter asks for it only once it has written and flushed the previous one, which is
    /// therefore recorded now. An event given up front with no wait before it is taken at once, without an async step.
    /// </summary>
    ValueTask<bool> IAsyncEnumerator<SseItem<string>>.MoveNextAsync()
    {
        RecordPending();
        if (_script.Events is { } events && _sent < events.Length && _sent != _script.BreakAfter && WaitBefore(_sent) == TimeSpan.Zero)
        {
            Take(events[_sent], null);
            return new ValueTask<bool>(true);
        }

        return NextSlowAsync();
    }

    ValueTask IAsyncDisposable.DisposeAsync() => _steps?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async ValueTask<bool> NextSlowAsync()
    {
        var events = _script.Events;
        while (true)
        {
            if (_sent == _script.BreakAfter)
            {
                Break = _script.BreakFault;
                return false;
            }

            EventStreamStep step;
            TaskCompletionSource? done = null;
            if (events is not null)
            {
                if (_sent == events.Length)
                {
                    return false;
                }

                step = new EventStreamStep(events[_sent], null, ResponseFault.None);
            }
            else if (await NextAsync(_steps!).ConfigureAwait(false))
            {
                (step, done) = _steps!.Current;
            }
            else
            {
                return false;
            }

            if (step.Comment is { } comment)
            {
                await WriteCommentAsync(comment).ConfigureAwait(false);
                done?.TrySetResult();
                continue;
            }

            if (step.Break != ResponseFault.None)
            {
                Break = step.Break;
                _breakDone = done;
                return false;
            }

            var wait = WaitBefore(_sent);
            if (wait > TimeSpan.Zero)
            {
                await PauseAsync(wait).ConfigureAwait(false);
            }

            Take(step.Item, done);
            return true;
        }
    }

    private TimeSpan WaitBefore(int index) =>
        (index == 0 ? TimeSpan.Zero : _script.Interval) + (_script.Delays.Count == 0 ? TimeSpan.Zero : _script.Delays.GetValueOrDefault(index));

    private void Take(SseItem<string> item, TaskCompletionSource? done)
    {
        Current = item;
        _pending = item;
        _pendingDone = done;
        _sent++;
    }

    private async IAsyncEnumerable<(EventStreamStep Step, TaskCompletionSource? Done)> StepsAsync([EnumeratorCancellation] CancellationToken token)
    {
        if (_script.Source is { } source)
        {
            await foreach (var item in source.WithCancellation(token).ConfigureAwait(false))
            {
                yield return (new EventStreamStep(item, null, ResponseFault.None), null);
            }
        }
        else if (_script.Feed is { } feed)
        {
            var reader = feed.Hub.Open(_exchange.Abort);
            try
            {
                while (await reader.WaitToReadAsync(token).ConfigureAwait(false))
                {
                    while (reader.TryRead(out var delivery))
                    {
                        yield return (delivery.Item, delivery.Done);
                    }
                }
            }
            finally
            {
                feed.Hub.Close(reader);
            }
        }
    }

    private void RecordPending()
    {
        if (_pending is { } item)
        {
            _pending = null;
            _exchange.RecordEvent(new EventEntry(item, null, DateTime.UtcNow.Ticks));
        }

        _pendingDone?.TrySetResult();
        _pendingDone = null;
    }

    // Waits for the source's next step, writing keep-alive comments while it is silent.
    private async ValueTask<bool> NextAsync(IAsyncEnumerator<(EventStreamStep, TaskCompletionSource?)> steps)
    {
        var next = steps.MoveNextAsync();
        if (next.IsCompleted || _script.KeepAlive <= TimeSpan.Zero)
        {
            return await next.ConfigureAwait(false);
        }

        var moved = next.AsTask();
        while (true)
        {
            using var tick = CancellationTokenSource.CreateLinkedTokenSource(_token);
            var delay = Task.Delay(_script.KeepAlive, tick.Token);
            if (await Task.WhenAny(moved, delay).ConfigureAwait(false) == moved)
            {
                await tick.CancelAsync().ConfigureAwait(false);
                return await moved.ConfigureAwait(false);
            }

            _token.ThrowIfCancellationRequested();
            await WriteCommentAsync(_script.KeepAliveComment).ConfigureAwait(false);
        }
    }
}
