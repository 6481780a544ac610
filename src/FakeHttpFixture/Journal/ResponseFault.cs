namespace FakeHttpFixture;

/// <summary>Names the ways a scripted response breaks an exchange; <see cref="RecordedRequest.Fault"/> reports the one played.</summary>
public enum ResponseFault
{
    /// <summary>No fault was played.</summary>
    None,

    /// <summary>The TCP connection was reset before anything was answered (<c>StubResponse.ResetConnection()</c>), or in the middle of a stream (<c>BreakAfterEvents</c>, <c>WebSocketAction.Abort()</c>).</summary>
    ResetConnection,

    /// <summary>The HTTP/2 stream was reset, or on HTTP/1.1 the connection (<c>StubResponse.ResetStream()</c>).</summary>
    ResetStream,

    /// <summary>Bytes that are not HTTP were sent instead of a status line (<c>StubResponse.MalformedStatusLine()</c>).</summary>
    MalformedStatusLine,

    /// <summary>
    /// The response never came: the request waited until the client gave up or the server stopped (<c>StubResponse.Hang()</c>);
    /// or an event stream went silent and stayed open (<c>StubResponse.BreakAfterEvents(n, ResponseFault.Hang)</c>).
    /// </summary>
    Hang,

    /// <summary>The status and headers were sent, then the connection closed without the body (<c>StubResponse.CloseAfterHeaders()</c>).</summary>
    CloseAfterHeaders,

    /// <summary>
    /// The body was cut short of its Content-Length (<c>StubResponse.TruncateAfter(int)</c>); or an event stream was cut off
    /// (<c>StubResponse.BreakAfterEvents(int)</c>), or a WebSocket closed in the middle of a message (<c>WebSocketAction.CloseMidMessage</c>).
    /// </summary>
    TruncateAfter,
}
