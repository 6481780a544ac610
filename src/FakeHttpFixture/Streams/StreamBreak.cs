namespace FakeHttpFixture;

/// <summary>
/// How an event stream is broken in the middle, after the events before the break have gone out: the four ways a stream can
/// fail, and no other, so a stream is never given a fault it cannot play. <see cref="StubResponse.BreakAfterEvents"/> and
/// <see cref="EventStreamFeed.BreakAsync"/> take one; <see cref="RecordedRequest.Fault"/> records it as its <see cref="Fault"/>.
/// </summary>
public sealed class StreamBreak
{
    private readonly string _name;

    private StreamBreak(ResponseFault fault, string name)
    {
        Fault = fault;
        _name = name;
    }

    /// <summary>Gets the break that cuts the stream off: the HTTP/1.1 connection closes without the last chunk, the HTTP/2 stream is reset.</summary>
    public static StreamBreak CutOff { get; } = new(ResponseFault.TruncateAfter, "cut off");

    /// <summary>Gets the break that resets the TCP connection.</summary>
    public static StreamBreak ResetConnection { get; } = new(ResponseFault.ResetConnection, "connection reset");

    /// <summary>Gets the break that resets the HTTP/2 stream with INTERNAL_ERROR (2), keeping the connection; on HTTP/1.1 it resets the connection.</summary>
    public static StreamBreak ResetStream { get; } = new(ResponseFault.ResetStream, "stream reset");

    /// <summary>Gets the break that leaves the stream open and silent until the client gives up or the server stops.</summary>
    public static StreamBreak Hang { get; } = new(ResponseFault.Hang, "hang");

    /// <summary>Gets the fault the journal records for this break (<see cref="RecordedRequest.Fault"/>).</summary>
    public ResponseFault Fault { get; }

    /// <summary>Returns the break's name, such as "cut off".</summary>
    /// <returns>The name.</returns>
    public override string ToString() => _name;
}
