using System.Globalization;

namespace FakeHttpFixture;

/// <content>
/// What went over a stream the request opened: the events of an event stream, the messages of a WebSocket, and waits for them.
/// Only the request's <see cref="Exchange"/> appends to them, as they cross.
/// </content>
public sealed partial class RecordedRequest
{
    // Made on first use from either side: a test may start waiting before the server has accepted the stream.
    private StreamLog<EventEntry, ServerSentEvent>? _events;
    private StreamLog<WebSocketMessage, WebSocketMessage>? _messages;
    private volatile bool _isEventStream;
    private volatile bool _isWebSocket;
    private volatile bool _streamsEnded;

    /// <summary>Gets the Last-Event-ID header: the id of the last event a client received before it reconnected to an event stream; <see langword="null"/> on a first connection.</summary>
    public string? LastEventId => Header("Last-Event-ID");

    /// <summary>Gets a value indicating whether the server answered the request with an event stream (<see cref="StubResponse.EventStream(System.Net.ServerSentEvents.SseItem{string}[])"/>).</summary>
    public bool IsEventStream => _isEventStream;

    /// <summary>Gets a value indicating whether the server accepted the request as a WebSocket (<see cref="StubResponse.WebSocket"/>); <see cref="Messages"/> then lists its messages.</summary>
    public bool IsWebSocket => _isWebSocket;

    /// <summary>Gets the events and comments the server has sent on the request's event stream so far, in order; empty for other requests.</summary>
    public IReadOnlyList<ServerSentEvent> Events => _events?.Snapshot() ?? [];

    /// <summary>Gets the messages of the request's WebSocket so far, in both directions, in the order they crossed; empty for other requests.</summary>
    public IReadOnlyList<WebSocketMessage> Messages => _messages?.Snapshot() ?? [];

    /// <summary>Gets the protocol an HTTP/2 extended CONNECT asks for (its :protocol, "websocket" for a WebSocket over HTTP/2); <see langword="null"/> for other requests.</summary>
    internal string? ConnectProtocol { get; init; }

    /// <summary>Gets the method a stub matches the request by: a WebSocket handshake over HTTP/2 is an extended CONNECT, over HTTP/1.1 a GET, and a stub for GET answers both.</summary>
    internal string StubMethod => ConnectProtocol is { } protocol && string.Equals(protocol, "websocket", StringComparison.OrdinalIgnoreCase) ? "GET" : Method;

    /// <summary>Gets how long the waits on this request's stream wait when the caller gives no timeout: the server's <see cref="HttpFixtureOptions.DefaultWaitTimeout"/>.</summary>
    internal TimeSpan DefaultWaitTimeout { get; set; } = TimeSpan.FromSeconds(5);

    private StreamLog<EventEntry, ServerSentEvent> EventLog
    {
        get
        {
            var log = _events ?? Interlocked.CompareExchange(ref _events, new StreamLog<EventEntry, ServerSentEvent>(static e => e.ToEvent()), null) ?? _events;
            if (_streamsEnded)
            {
                EndEvents(log);
            }

            return log;
        }
    }

    private StreamLog<WebSocketMessage, WebSocketMessage> MessageLog
    {
        get
        {
            var log = _messages ?? Interlocked.CompareExchange(ref _messages, new StreamLog<WebSocketMessage, WebSocketMessage>(static m => m), null) ?? _messages;
            if (_streamsEnded)
            {
                EndMessages(log);
            }

            return log;
        }
    }

    /// <summary>
    /// Returns the earliest event of the request's event stream that matches, already sent or yet to be sent; for a test that
    /// must know an event has gone out before it goes on. It is woken as events are sent, never by polling.
    /// </summary>
    /// <param name="match">The predicate; <see langword="null"/> for any event (comments included).</param>
    /// <param name="timeout">How long to wait; <see langword="null"/> for <see cref="HttpFixtureOptions.DefaultWaitTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The event.</returns>
    /// <exception cref="TimeoutException">Nothing matched in time; the message lists what was sent.</exception>
    /// <exception cref="HttpFixtureAssertionException">The stream ended without a match; the message lists what was sent.</exception>
    public Task<ServerSentEvent> WaitForEventAsync(Func<ServerSentEvent, bool>? match = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var wait = timeout ?? DefaultWaitTimeout;
        return EventLog.WaitAsync(
            match ?? (static _ => true),
            wait,
            sent => new TimeoutException($"No event of #{Sequence} {Method} {Path} matched within {JournalText.Duration(wait)}. {Describe(sent, "sent")}"),
            sent => new HttpFixtureAssertionException($"The event stream of #{Sequence} {Method} {Path} ended without a matching event. {Describe(sent, "sent")}"),
            cancellationToken);
    }

    /// <summary>
    /// Returns the earliest message of the request's WebSocket that matches, in either direction, already crossed or yet to cross;
    /// for a test that asserts what the client sent, as <see cref="HttpFixtureServer.WaitForRequestAsync(Func{RecordedRequest, bool}?, TimeSpan?, CancellationToken, string?)"/> does for requests.
    /// It is woken as messages cross, never by polling.
    /// </summary>
    /// <param name="match">The predicate, such as <c>m =&gt; m.Direction == WebSocketDirection.Received</c>; <see langword="null"/> for any message.</param>
    /// <param name="timeout">How long to wait; <see langword="null"/> for <see cref="HttpFixtureOptions.DefaultWaitTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The message.</returns>
    /// <exception cref="TimeoutException">Nothing matched in time; the message lists what crossed.</exception>
    /// <exception cref="HttpFixtureAssertionException">The WebSocket closed without a match; the message lists what crossed.</exception>
    public Task<WebSocketMessage> WaitForMessageAsync(Func<WebSocketMessage, bool>? match = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var wait = timeout ?? DefaultWaitTimeout;
        return MessageLog.WaitAsync(
            match ?? (static _ => true),
            wait,
            crossed => new TimeoutException($"No WebSocket message of #{Sequence} {Method} {Path} matched within {JournalText.Duration(wait)}. {Describe(crossed, "crossed")}"),
            crossed => new HttpFixtureAssertionException($"The WebSocket of #{Sequence} {Method} {Path} closed without a matching message. {Describe(crossed, "crossed")}"),
            cancellationToken);
    }

    internal void MarkEventStream(int expectedEvents)
    {
        _isEventStream = true;
        if (expectedEvents > 0)
        {
            EventLog.Reserve(expectedEvents);
        }
    }

    internal void MarkWebSocket() => _isWebSocket = true;

    internal void AddEvent(in EventEntry sent) => EventLog.Append(sent);

    internal void AddMessage(WebSocketMessage message) => MessageLog.Append(message);

    /// <summary>
    /// Ends the request's streams once its exchange is complete: nothing more will cross, so waits still pending on them, or
    /// begun later, fail at once instead of running into their timeout. A request that opened no stream gets no log for it.
    /// </summary>
    internal void EndStreams()
    {
        _streamsEnded = true;
        if (_events is { } events)
        {
            EndEvents(events);
        }

        if (_messages is { } messages)
        {
            EndMessages(messages);
        }
    }

    private void EndEvents(StreamLog<EventEntry, ServerSentEvent> log) =>
        log.End(sent => new HttpFixtureAssertionException($"The event stream of #{Sequence} {Method} {Path} ended without a matching event. {Describe(sent, "sent")}"));

    private void EndMessages(StreamLog<WebSocketMessage, WebSocketMessage> log) =>
        log.End(crossed => new HttpFixtureAssertionException($"The WebSocket of #{Sequence} {Method} {Path} closed without a matching message. {Describe(crossed, "crossed")}"));

    private static string Describe<T>(IReadOnlyList<T> items, string verb)
        where T : notnull
    {
        if (items.Count == 0)
        {
            return $"None {(verb == "sent" ? "was sent" : "crossed")}.";
        }

        var shown = items.Take(StreamText.MaxLines).Select((item, i) => string.Create(CultureInfo.InvariantCulture, $"\n  {i + 1}. {item}"));
        var more = items.Count > StreamText.MaxLines ? $"\n  … and {items.Count - StreamText.MaxLines} more" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{items.Count} {verb}:{string.Concat(shown)}{more}");
    }
}
