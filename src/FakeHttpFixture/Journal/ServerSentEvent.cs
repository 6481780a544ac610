using System.Globalization;
using System.Text;

namespace FakeHttpFixture;

/// <summary>
/// Represents one event the server sent on an event stream (text/event-stream), or one comment line such as a keep-alive,
/// as it went out: <see cref="RecordedRequest.Events"/> lists them on the request, in the order they were sent.
/// </summary>
public sealed class ServerSentEvent
{
    internal ServerSentEvent(DateTimeOffset timestamp, string eventType, string data, string? eventId, TimeSpan? reconnectionInterval, string? comment)
    {
        Timestamp = timestamp;
        EventType = eventType;
        Data = data;
        EventId = eventId;
        ReconnectionInterval = reconnectionInterval;
        Comment = comment;
    }

    /// <summary>Gets when the event had been written and flushed to the client.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Gets the event's type, "message" when none was given, as <see cref="System.Net.ServerSentEvents.SseItem{T}.EventType"/> reports it; empty for a comment.</summary>
    public string EventType { get; }

    /// <summary>Gets the event's data, as given (its lines are sent as separate data fields); empty for a comment.</summary>
    public string Data { get; }

    /// <summary>Gets the event's id field, or <see langword="null"/> when it had none; a client sends the last one back as Last-Event-ID when it reconnects.</summary>
    public string? EventId { get; }

    /// <summary>Gets the event's retry field, the reconnection time it asks the client for, or <see langword="null"/> when it had none.</summary>
    public TimeSpan? ReconnectionInterval { get; }

    /// <summary>Gets the text of a comment line (": keep-alive"), or <see langword="null"/> for an event.</summary>
    public string? Comment { get; }

    /// <summary>Gets a value indicating whether this is a comment line, which clients ignore, rather than an event.</summary>
    public bool IsComment => Comment is not null;

    /// <summary>Returns a summary such as <c>event: token id: 7 data: "Hel"</c>, or <c>: keep-alive</c> for a comment.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        if (Comment is not null)
        {
            return ": " + Comment;
        }

        var text = new StringBuilder();
        if (EventType != "message")
        {
            text.Append("event: ").Append(EventType).Append("  ");
        }

        if (EventId is not null)
        {
            text.Append("id: ").Append(EventId).Append("  ");
        }

        if (ReconnectionInterval is { } retry)
        {
            text.Append(CultureInfo.InvariantCulture, $"retry: {(long)retry.TotalMilliseconds}  ");
        }

        return text.Append("data: ").Append(StreamText.Quote(Data)).ToString();
    }
}
