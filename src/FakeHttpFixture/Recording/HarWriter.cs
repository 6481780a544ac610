using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FakeHttpFixture;

/// <summary>Writes a journal as HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/).</summary>
internal static class HarWriter
{
    public static void Write(Stream stream, IReadOnlyList<RecordedRequest> requests)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartObject("log");
        json.WriteString("version", "1.2");
        json.WriteStartObject("creator");
        json.WriteString("name", "FakeHttpFixture");
        json.WriteString("version", typeof(HarWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        json.WriteEndObject();
        json.WriteStartArray("entries");
        foreach (var request in requests)
        {
            WriteEntry(json, request);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteEntry(Utf8JsonWriter json, RecordedRequest request)
    {
        json.WriteStartObject();
        json.WriteString("startedDateTime", request.Timestamp.ToString("o", CultureInfo.InvariantCulture));
        json.WriteNumber("time", 0);
        json.WriteStartObject("request");
        json.WriteString("method", request.Method);
        json.WriteString("url", request.Url.AbsoluteUri);
        json.WriteString("httpVersion", request.Protocol);
        json.WriteStartArray("cookies");
        json.WriteEndArray();
        WriteHeaders(json, request.Headers);
        json.WriteStartArray("queryString");
        json.WriteEndArray();
        if (request.BodyLength > 0)
        {
            json.WriteStartObject("postData");
            json.WriteString("mimeType", request.Header("Content-Type") ?? "application/octet-stream");
            json.WriteString("text", request.BodyText);
            json.WriteEndObject();
        }

        json.WriteNumber("headersSize", -1);
        json.WriteNumber("bodySize", request.BodyLength);
        json.WriteEndObject();
        json.WriteStartObject("response");
        json.WriteNumber("status", request.StatusCode);
        json.WriteString("statusText", string.Empty);
        json.WriteString("httpVersion", request.Protocol);
        json.WriteStartArray("cookies");
        json.WriteEndArray();
        json.WriteStartArray("headers");
        json.WriteEndArray();
        json.WriteStartObject("content");
        json.WriteNumber("size", 0);
        json.WriteString("mimeType", string.Empty);
        json.WriteEndObject();
        json.WriteString("redirectURL", string.Empty);
        json.WriteNumber("headersSize", -1);
        json.WriteNumber("bodySize", -1);
        json.WriteEndObject();
        json.WriteStartObject("cache");
        json.WriteEndObject();
        json.WriteStartObject("timings");
        json.WriteNumber("send", 0);
        json.WriteNumber("wait", 0);
        json.WriteNumber("receive", 0);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteHeaders(Utf8JsonWriter json, IReadOnlyDictionary<string, string[]> headers)
    {
        json.WriteStartArray("headers");
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                json.WriteStartObject();
                json.WriteString("name", name);
                json.WriteString("value", value);
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
    }
}
