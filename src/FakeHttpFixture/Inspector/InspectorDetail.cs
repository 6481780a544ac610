using System.Text.Json;

namespace FakeHttpFixture;

/// <summary>The inspector's JSON for one request: request line, headers and body, the response, stream traffic, miss report and curl.</summary>
internal static class InspectorDetail
{
    public static void Write(Utf8JsonWriter json, RecordedRequest request, HttpFixtureServer server)
    {
        json.WriteStartObject();
        InspectorJson.WriteSummaryFields(json, request);
        json.WriteString("protocol", request.Protocol);
        json.WriteString("url", request.Url.AbsoluteUri);
        json.WriteString("rawTarget", request.RawTarget);
        json.WriteString("remote", request.RemoteEndPoint?.ToString());
        json.WriteString("chaosRule", request.ChaosRule);
        WriteHeaders(json, "headers", request.Headers);
        json.WritePropertyName("body");
        InspectorBody.WriteRequest(json, request);
        WriteResponse(json, request);
        WriteEvents(json, request);
        WriteMessages(json, request);
        json.WriteString("missReport", request.AnsweredBy == ResponseSource.Fallback ? server.ExplainMiss(request) : null);
        json.WriteString("curl", CurlCommand.For(request));
        json.WriteEndObject();
    }

    public static void WriteHeaders(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, string[]> headers)
    {
        json.WriteStartArray(name);
        foreach (var (header, values) in headers)
        {
            foreach (var value in values)
            {
                json.WriteStartArray();
                json.WriteStringValue(header);
                json.WriteStringValue(value);
                json.WriteEndArray();
            }
        }

        json.WriteEndArray();
    }

    private static void WriteResponse(Utf8JsonWriter json, RecordedRequest request)
    {
        json.WriteStartObject("response");
        json.WriteNumber("status", request.StatusCode);
        WriteHeaders(json, "headers", request.ResponseHeaders);
        json.WritePropertyName("body");
        InspectorBody.WriteResponse(json, request);
        json.WriteEndObject();
    }

    private static void WriteEvents(Utf8JsonWriter json, RecordedRequest request)
    {
        json.WriteStartArray("events");
        foreach (var item in request.Events)
        {
            json.WriteStartObject();
            json.WriteString("time", item.Timestamp);
            json.WriteString("type", item.IsComment ? "(comment)" : item.EventType);
            json.WriteString("id", item.EventId);
            json.WriteString("data", item.Comment ?? item.Data);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteMessages(Utf8JsonWriter json, RecordedRequest request)
    {
        json.WriteStartArray("messages");
        foreach (var message in request.Messages)
        {
            json.WriteStartObject();
            json.WriteString("time", message.Timestamp);
            json.WriteString("direction", message.Direction == WebSocketDirection.Received ? "client → server" : "server → client");
            json.WriteString("type", message.MessageType.ToString());
            json.WriteNumber("length", message.Payload.Length);
            json.WriteString("text", message.MessageType == System.Net.WebSockets.WebSocketMessageType.Binary ? HexDump.Format(message.Payload) : message.Text);
            json.WriteString("close", message.CloseStatus?.ToString());
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
