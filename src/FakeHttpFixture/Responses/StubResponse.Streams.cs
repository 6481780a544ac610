using System.Net.ServerSentEvents;

namespace FakeHttpFixture;

/// <content>
/// Answers that are streams: an event stream (text/event-stream) of events given up front, drawn from a sequence, or sent by the
/// test through a feed, with waits, keep-alives and breaks; and a WebSocket whose side of the conversation a script plays.
/// </content>
public sealed partial class StubResponse
{
    internal EventStreamScript? EventStreamScript { get; private set; }

    internal WebSocketConversation? WebSocketConversation { get; private set; }

    /// <summary>
    /// EventStream answers 200 with a server-sent event stream (text/event-stream) of <paramref name="events"/>, each with its
    /// event type, data, id and retry as <see cref="SseItem{T}"/> holds them, each flushed as it goes, then ends the stream.
    /// A browser's EventSource then reconnects: stub the reconnect with <see cref="HttpStub.WithLastEventId"/> to script a resume.
    /// </summary>
    /// <param name="events">The events, in order.</param>
    /// <returns>The response; <see cref="WithEventInterval"/>, <see cref="WithEventDelay"/>, <see cref="WithKeepAlive"/> and <see cref="BreakAfterEvents"/> shape it further.</returns>
    public static StubResponse EventStream(params SseItem<string>[] events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return EventStreamOf(new EventStreamScript { Events = [.. events] });
    }

    /// <summary>Answers 200 with an event stream that sends each event of <paramref name="events"/> as it comes, for a long or endless stream; the stream ends when the sequence does.</summary>
    /// <param name="events">The sequence, enumerated once per request with a token cancelled when the client leaves or the server stops. An exception it throws breaks the stream and is reported by <see cref="HttpFixtureServer.Verify"/>.</param>
    /// <returns>The response.</returns>
    public static StubResponse EventStream(IAsyncEnumerable<SseItem<string>> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return EventStreamOf(new EventStreamScript { Source = events });
    }

    /// <summary>Answers 200 with an event stream that stays open and sends what the test sends on <paramref name="feed"/>, until the feed completes, the client leaves or the server stops.</summary>
    /// <param name="feed">The feed the test keeps.</param>
    /// <returns>The response.</returns>
    public static StubResponse EventStream(EventStreamFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return EventStreamOf(new EventStreamScript { Feed = feed });
    }

    /// <summary>
    /// WebSocket answers a WebSocket handshake (an HTTP/1.1 upgrade, or an HTTP/2 extended CONNECT) and plays the server's side of
    /// the conversation that <paramref name="script"/> sets up. Every message in either direction is recorded on the request
    /// (<see cref="RecordedRequest.Messages"/>, <see cref="RecordedRequest.WaitForMessageAsync"/>). A request that is no handshake
    /// gets 426; a status set with <see cref="WithStatus"/> refuses the handshake with it; headers set with <see cref="WithHeader"/> go out with the handshake's answer.
    /// </summary>
    /// <param name="script">Sets up the conversation; it runs once, now, and later changes to the script object are not seen.</param>
    /// <returns>The response.</returns>
    public static StubResponse WebSocket(Action<WebSocketScript> script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var builder = new WebSocketScript();
        script(builder);
        return new StubResponse { WebSocketConversation = builder.Freeze() };
    }

    /// <summary>Returns a copy of an event stream that waits <paramref name="interval"/> before each event but the first, as a model producing tokens does.</summary>
    /// <param name="interval">The wait.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="InvalidOperationException">This response is not an event stream.</exception>
    public StubResponse WithEventInterval(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, TimeSpan.Zero);
        return WithEventStream(nameof(WithEventInterval), s => s with { Interval = interval });
    }

    /// <summary>Returns a copy of an event stream that waits <paramref name="delay"/> longer before the event at <paramref name="eventIndex"/> (0 for the first), such as a slow first token.</summary>
    /// <param name="eventIndex">The event's position, counting from 0.</param>
    /// <param name="delay">The extra wait; calling again for the same event replaces it.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="InvalidOperationException">This response is not an event stream.</exception>
    public StubResponse WithEventDelay(int eventIndex, TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(eventIndex);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return WithEventStream(nameof(WithEventDelay), s => s with { Delays = new Dictionary<int, TimeSpan>(s.Delays) { [eventIndex] = delay } });
    }

    /// <summary>
    /// Returns a copy of an event stream that sends a comment line (<c>: keep-alive</c>), which clients ignore, whenever it has
    /// been silent for <paramref name="interval"/>, as servers do to keep proxies from closing an idle stream.
    /// </summary>
    /// <param name="interval">The silence after which a comment goes out; more than zero.</param>
    /// <param name="comment">The comment's text.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="InvalidOperationException">This response is not an event stream.</exception>
    public StubResponse WithKeepAlive(TimeSpan interval, string comment = "keep-alive")
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(comment);
        return WithEventStream(nameof(WithKeepAlive), s => s with { KeepAlive = interval, KeepAliveComment = comment });
    }

    /// <summary>
    /// Returns a copy of an event stream that breaks after <paramref name="events"/> events, as a failing server or network does:
    /// <see cref="StreamBreak.CutOff"/> (the default) cuts it off, <see cref="StreamBreak.ResetConnection"/> resets the TCP connection,
    /// <see cref="StreamBreak.ResetStream"/> resets the HTTP/2 stream, and <see cref="StreamBreak.Hang"/> leaves it open and silent.
    /// The journal records the break's <see cref="StreamBreak.Fault"/>.
    /// </summary>
    /// <param name="events">How many events go out first; 0 breaks the stream right after its headers.</param>
    /// <param name="how">How the stream breaks; <see langword="null"/> for <see cref="StreamBreak.CutOff"/>.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="InvalidOperationException">This response is not an event stream.</exception>
    public StubResponse BreakAfterEvents(int events, StreamBreak? how = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        var fault = (how ?? StreamBreak.CutOff).Fault;
        return WithEventStream(nameof(BreakAfterEvents), s => s with { BreakAfter = events, BreakFault = fault });
    }

    private static StubResponse EventStreamOf(EventStreamScript script) => new() { EventStreamScript = script, ContentType = "text/event-stream" };

    private StubResponse WithEventStream(string method, Func<EventStreamScript, EventStreamScript> change)
    {
        if (EventStreamScript is not { } script)
        {
            throw new InvalidOperationException($"{method} shapes an event stream; call it on a StubResponse.EventStream(…) response.");
        }

        var copy = (StubResponse)MemberwiseClone();
        copy.EventStreamScript = change(script);
        return copy;
    }
}
