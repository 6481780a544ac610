namespace FakeHttpFixture;

/// <summary>Names which way a WebSocket message went, seen from the server: <see cref="WebSocketMessage.Direction"/> reports it.</summary>
public enum WebSocketDirection
{
    /// <summary>The client sent the message and the server received it.</summary>
    Received,

    /// <summary>The server sent the message to the client.</summary>
    Sent,
}
