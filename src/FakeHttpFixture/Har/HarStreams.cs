using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Text.Json;

namespace FakeHttpFixture;

/// <summary>
/// Writes what went over a stream into its HAR entry the way Chromium's developer tools export it: the resource type, and for a
/// WebSocket the <c>_webSocketMessages</c> array, one object per message with <c>type</c> ("send" for what the client sent,
/// "receive" for what it received), <c>time</c> (seconds since the Unix epoch), <c>opcode</c> (1 text, 2 binary, 8 close) and
/// <c>data</c> (the text of a text message, the payload in base64 otherwise, as the DevTools protocol gives it).
/// </summary>
/// <remarks>A HAR entry describes the exchange from the client's side, so a message the server received is one the client sent.</remarks>
internal static class HarStreams
{
    public static void Write(Utf8JsonWriter json, RecordedRequest request)
    {
        if (request.IsWebSocket)
        {
            json.WriteString("_resourceType", "websocket");
            json.WriteStartArray("_webSocketMessages");
            foreach (var message in request.Messages)
            {
                WriteMessage(json, message);
            }

            json.WriteEndArray();
        }
        else if (request.IsEventStream)
        {
            json.WriteString("_resourceType", "eventsource");
        }
    }

    private static void WriteMessage(Utf8JsonWriter json, WebSocketMessage message)
    {
        json.WriteStartObject();
        json.WriteString("type", message.Direction == WebSocketDirection.Received ? "send" : "receive");
        json.WriteNumber("time", (message.Timestamp - DateTimeOffset.UnixEpoch).TotalSeconds);
        switch (message.MessageType)
        {
            case WebSocketMessageType.Text:
                json.WriteNumber("opcode", 1);
                json.WriteString("data", message.Text);
                break;
            case WebSocketMessageType.Binary:
                json.WriteNumber("opcode", 2);
                json.WriteBase64String("data", message.Payload);
                break;
            default:
                json.WriteNumber("opcode", 8);
                json.WriteBase64String("data", ClosePayload(message));
                break;
        }

        json.WriteEndObject();
    }

    // A close frame's payload on the wire is its status code, two bytes big-endian, then the reason; a close without a status has none.
    private static byte[] ClosePayload(WebSocketMessage message)
    {
        if (message.CloseStatus is not { } status || status == WebSocketCloseStatus.Empty)
        {
            return [];
        }

        var payload = new byte[2 + message.Payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(payload, (ushort)status);
        message.Payload.CopyTo(payload, 2);
        return payload;
    }
}
