using System.Globalization;
using System.Net.WebSockets;
using System.Text;

namespace FakeHttpFixture;

/// <summary>
/// Represents one WebSocket message as the server received or sent it: its direction, when it crossed, its type and its exact
/// payload. Close frames are messages too, with their status and reason. <see cref="RecordedRequest.Messages"/> lists them on the
/// upgrade request, in the order they crossed.
/// </summary>
public sealed class WebSocketMessage
{
    private string? _text;

    internal WebSocketMessage(WebSocketDirection direction, DateTimeOffset timestamp, WebSocketMessageType messageType, byte[] payload, bool endOfMessage = true, WebSocketCloseStatus? closeStatus = null)
    {
        Direction = direction;
        Timestamp = timestamp;
        MessageType = messageType;
        Payload = payload;
        EndOfMessage = endOfMessage;
        CloseStatus = closeStatus;
    }

    /// <summary>Gets which way the message went: <see cref="WebSocketDirection.Received"/> from the client, or <see cref="WebSocketDirection.Sent"/> by the server.</summary>
    public WebSocketDirection Direction { get; }

    /// <summary>Gets when the message had crossed whole: received to its last frame, or sent and flushed.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Gets the type of the message: text, binary, or a close frame.</summary>
    public WebSocketMessageType MessageType { get; }

    /// <summary>Gets exactly the payload bytes of the message; for a close frame, the UTF-8 bytes of its reason.</summary>
    public byte[] Payload { get; }

    /// <summary>Gets the payload decoded as UTF-8: the text of a text message, the reason of a close frame; invalid bytes of a binary message become U+FFFD.</summary>
    public string Text => _text ??= Encoding.UTF8.GetString(Payload);

    /// <summary>Gets a value indicating whether the message was whole; <see langword="false"/> when the connection broke in the middle of it, and <see cref="Payload"/> holds the part that crossed.</summary>
    public bool EndOfMessage { get; }

    /// <summary>Gets the status code of a close frame, such as <see cref="WebSocketCloseStatus.NormalClosure"/>; <see langword="null"/> for other messages.</summary>
    public WebSocketCloseStatus? CloseStatus { get; }

    /// <summary>Returns a summary such as <c>received text "hello"</c>, <c>sent binary 12 B</c> or <c>sent close 1000 "bye"</c>.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var direction = Direction == WebSocketDirection.Received ? "received" : "sent";
        var cut = EndOfMessage ? string.Empty : " (cut off)";
        return MessageType switch
        {
            WebSocketMessageType.Text => $"{direction} text {StreamText.Quote(Text)}{cut}",
            WebSocketMessageType.Binary => $"{direction} binary {ByteSize.Format(Payload.LongLength)} {StreamText.Hex(Payload)}{cut}".TrimEnd(),
            _ => string.Create(CultureInfo.InvariantCulture, $"{direction} close {(int?)CloseStatus}{(Payload.Length == 0 ? string.Empty : " " + StreamText.Quote(Text))}"),
        };
    }
}
