namespace FakeHttpFixture;

/// <content>
/// What the exchange does for a response that is a stream rather than a body: an event stream, whose bytes go through the
/// response body and are counted there, or a WebSocket, whose response starts inside Kestrel (101, or 200 for HTTP/2) and whose
/// frames go over the connection after it. Each event or message is recorded on the request as it crosses.
/// </content>
internal sealed partial class Exchange
{
    /// <summary>
    /// Notes status and headers when Kestrel starts the response itself, as it does when it accepts an upgrade (101) or an extended
    /// CONNECT (200): no write goes through the exchange then, but Kestrel runs the OnStarting callbacks.
    /// </summary>
    public void NoteWhenKestrelStarts()
    {
        if (!_notesAtStart && !_noted)
        {
            _notesAtStart = true;
            _response.OnStarting(static state => ((Exchange)state).NoteAtStart(), this);
        }
    }

    /// <summary>Marks the response as an event stream, whose events <see cref="RecordEvent"/> records; <paramref name="expectedEvents"/>, when known, sizes the record once.</summary>
    public void BeginEventStream(int expectedEvents = 0) => Request.MarkEventStream(expectedEvents);

    /// <summary>Records an event or comment once it has been written and flushed.</summary>
    public void RecordEvent(in EventEntry sent) => Request.AddEvent(sent);

    /// <summary>Marks the request as an accepted WebSocket and returns the opaque stream with its writes counted as response bytes.</summary>
    public Stream BeginWebSocket(Stream opaque)
    {
        Request.MarkWebSocket();
        return new CountingDuplexStream(opaque, this);
    }

    /// <summary>Records a WebSocket message, in either direction, once it has crossed.</summary>
    public void RecordMessage(WebSocketMessage message) => Request.AddMessage(message);
}
