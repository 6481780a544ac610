using System.Net.ServerSentEvents;

namespace FakeHttpFixture;

/// <summary>
/// Represents the events a test sends while an event stream is open: pass it to <see cref="StubResponse.EventStream(EventStreamFeed)"/>
/// and keep it. Each event goes to every stream open on the feed; an event sent while none is open waits for the next stream to
/// open, so a test can send before the client has connected. The streams stay open until <see cref="Complete"/>, the client
/// leaves or the server stops.
/// </summary>
public sealed class EventStreamFeed
{
    private const string Name = "event stream feed";

    internal FeedHub<EventStreamStep> Hub { get; } = new() { SendTimeout = TimeSpan.FromSeconds(10) };

    /// <summary>
    /// Gets or sets how long a send waits for each open stream to write and flush an event. A stream whose client has stopped
    /// reading (its TCP window full) is broken off once this passes (its connection reset, as <see cref="ResponseFault.ResetConnection"/>),
    /// so one stalled client never holds up <see cref="SendAsync"/> for the others, nor for ever.
    /// </summary>
    /// <value>The default value is 10 seconds.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan SendTimeout
    {
        get => Hub.SendTimeout ?? Timeout.InfiniteTimeSpan;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            Hub.SendTimeout = value;
        }
    }

    /// <summary>Gets how many event streams are open on the feed now.</summary>
    public int OpenStreams => Hub.OpenCount;

    /// <summary>Sends <paramref name="item"/> on every open stream, or on the next to open when none is.</summary>
    /// <param name="item">The event.</param>
    /// <param name="cancellationToken">Cancels the wait for the event to go out; the event itself is not taken back.</param>
    /// <returns>A task that completes once the event has been written and flushed on each stream it went to (or that stream ended, or was broken off after <see cref="SendTimeout"/>).</returns>
    /// <exception cref="InvalidOperationException">The feed was completed.</exception>
    public Task SendAsync(SseItem<string> item, CancellationToken cancellationToken = default) =>
        Hub.PublishAsync(new EventStreamStep(item, null, ResponseFault.None), Name, cancellationToken);

    /// <summary>Sends a comment line (<c>: text</c>), which clients ignore, such as a keep-alive.</summary>
    /// <param name="comment">The comment's text; each of its lines becomes a comment line.</param>
    /// <param name="cancellationToken">Cancels the wait for the comment to go out.</param>
    /// <returns>A task that completes once the comment has been written and flushed on each stream it went to.</returns>
    /// <exception cref="InvalidOperationException">The feed was completed.</exception>
    public Task SendCommentAsync(string comment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(comment);
        return Hub.PublishAsync(new EventStreamStep(default, comment, ResponseFault.None), Name, cancellationToken);
    }

    /// <summary>
    /// Breaks the open streams (or the next to open) after what was sent before, as a failing server or network would:
    /// <see cref="StreamBreak.CutOff"/> (the default) cuts the stream off, <see cref="StreamBreak.ResetConnection"/> resets the TCP
    /// connection, <see cref="StreamBreak.ResetStream"/> resets the HTTP/2 stream, and <see cref="StreamBreak.Hang"/> leaves the stream open and silent.
    /// </summary>
    /// <param name="how">How the streams break; <see langword="null"/> for <see cref="StreamBreak.CutOff"/>.</param>
    /// <param name="cancellationToken">Cancels the wait for the break.</param>
    /// <returns>A task that completes once each stream it went to has broken.</returns>
    /// <exception cref="InvalidOperationException">The feed was completed.</exception>
    public Task BreakAsync(StreamBreak? how = null, CancellationToken cancellationToken = default) =>
        Hub.PublishAsync(new EventStreamStep(default, null, (how ?? StreamBreak.CutOff).Fault), Name, cancellationToken);

    /// <summary>Ends every stream open on the feed, and every stream opened on it later, cleanly, after what was sent before.</summary>
    public void Complete() => Hub.Complete();

    /// <summary>Returns once an event stream is open on the feed, for a test that must know the client is listening.</summary>
    /// <param name="timeout">How long to wait; <see langword="null"/> for 5 seconds.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when a stream is open.</returns>
    /// <exception cref="TimeoutException">No stream opened in time.</exception>
    public Task WaitForStreamAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Hub.WaitForOpenAsync(timeout ?? TimeSpan.FromSeconds(5), "event stream on this feed", cancellationToken);
}
