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
internal sealed class EventStreamPlayer
{
    private readonly Exchange _exchange;
    private readonly Stream _body;
    private readonly EventStreamScript _script;
    private SseItem<string>? _pending;
    private TaskCompletionSource? _pendingDone;
    private TaskCompletionSource? _breakDone;

    private EventStreamPlayer(Exchange exchange, Stream body, EventStreamScript script)
    {
        _exchange = exchange;
        _body = body;
        _script = script;
    }

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

        exchange.BeginEventStream();
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

        var player = new EventStreamPlayer(exchange, http.Body, script);
        try
        {
            await SseFormatter.WriteAsync(player.EventsAsync(token), http.Body, token).ConfigureAwait(false);
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

    private async IAsyncEnumerable<SseItem<string>> EventsAsync([EnumeratorCancellation] CancellationToken token)
    {
        var steps = StepsAsync(token).GetAsyncEnumerator(token);
        await using (steps.ConfigureAwait(false))
        {
            var sent = 0;
            while (true)
            {
                if (sent == _script.BreakAfter)
                {
                    Break = _script.BreakFault;
                    yield break;
                }

                if (!await NextAsync(steps, token).ConfigureAwait(false))
                {
                    yield break;
                }

                var (step, done) = steps.Current;
                if (step.Comment is { } comment)
                {
                    await WriteCommentAsync(comment, token).ConfigureAwait(false);
                    done?.TrySetResult();
                    continue;
                }

                if (step.Break != ResponseFault.None)
                {
                    Break = step.Break;
                    _breakDone = done;
                    yield break;
                }

                var wait = (sent == 0 ? TimeSpan.Zero : _script.Interval) + _script.Delays.GetValueOrDefault(sent);
                if (wait > TimeSpan.Zero)
                {
                    await PauseAsync(wait, token).ConfigureAwait(false);
                }

                _pending = step.Item;
                _pendingDone = done;
                sent++;
                yield return step.Item;

                // The formatter asks for the next event only once it has written and flushed this one: now it has gone out.
                RecordPending();
            }
        }
    }

    private async IAsyncEnumerable<(EventStreamStep Step, TaskCompletionSource? Done)> StepsAsync([EnumeratorCancellation] CancellationToken token)
    {
        if (_script.Events is { } events)
        {
            foreach (var item in events)
            {
                yield return (new EventStreamStep(item, null, ResponseFault.None), null);
            }
        }
        else if (_script.Source is { } source)
        {
            await foreach (var item in source.WithCancellation(token).ConfigureAwait(false))
            {
                yield return (new EventStreamStep(item, null, ResponseFault.None), null);
            }
        }
        else if (_script.Feed is { } feed)
        {
            var reader = feed.Hub.Open();
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
            _exchange.RecordEvent(new ServerSentEvent(DateTimeOffset.UtcNow, item.EventType, item.Data, item.EventId, item.ReconnectionInterval, null));
        }

        _pendingDone?.TrySetResult();
        _pendingDone = null;
    }

    // Waits for the source's next step, writing keep-alive comments while it is silent.
    private async ValueTask<bool> NextAsync(IAsyncEnumerator<(EventStreamStep, TaskCompletionSource?)> steps, CancellationToken token)
    {
        var next = steps.MoveNextAsync();
        if (next.IsCompleted || _script.KeepAlive <= TimeSpan.Zero)
        {
            return await next.ConfigureAwait(false);
        }

        var moved = next.AsTask();
        while (true)
        {
            using var tick = CancellationTokenSource.CreateLinkedTokenSource(token);
            var delay = Task.Delay(_script.KeepAlive, tick.Token);
            if (await Task.WhenAny(moved, delay).ConfigureAwait(false) == moved)
            {
                await tick.CancelAsync().ConfigureAwait(false);
                return await moved.ConfigureAwait(false);
            }

            token.ThrowIfCancellationRequested();
            await WriteCommentAsync(_script.KeepAliveComment, token).ConfigureAwait(false);
        }
    }

    // Waits before an event, writing keep-alive comments when the wait is longer than the keep-alive interval.
    private async Task PauseAsync(TimeSpan wait, CancellationToken token)
    {
        var keepAlive = _script.KeepAlive;
        var clock = Stopwatch.StartNew();
        while (keepAlive > TimeSpan.Zero && wait - clock.Elapsed > keepAlive)
        {
            await Task.Delay(keepAlive, token).ConfigureAwait(false);
            await WriteCommentAsync(_script.KeepAliveComment, token).ConfigureAwait(false);
        }

        var rest = wait - clock.Elapsed;
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest, token).ConfigureAwait(false);
        }
    }

    // SseFormatter writes events only; a comment goes straight to the body, between two of its events, and is flushed the same way.
    private async Task WriteCommentAsync(string comment, CancellationToken token)
    {
        var text = new StringBuilder();
        foreach (var line in comment.ReplaceLineEndings("\n").Split('\n'))
        {
            text.Append(':').Append(line.Length == 0 ? string.Empty : " " + line).Append('\n');
        }

        await _body.WriteAsync(Encoding.UTF8.GetBytes(text.Append('\n').ToString()), token).ConfigureAwait(false);
        await _body.FlushAsync(token).ConfigureAwait(false);
        _exchange.RecordEvent(new ServerSentEvent(DateTimeOffset.UtcNow, string.Empty, string.Empty, null, null, comment));
    }
}
