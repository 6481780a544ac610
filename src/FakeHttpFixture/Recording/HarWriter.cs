using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FakeHttpFixture;

/// <summary>Writes a journal as HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), the format browser developer tools import.</summary>
internal static class HarWriter
{
    /// <summary>Bodies above this size are left out with a comment: a HAR file holds each body as one JSON string.</summary>
    internal const long MaxBodyInHar = 64L * 1024 * 1024;

    public static void Write(Stream stream, IReadOnlyList<RecordedRequest> requests, Uri server)
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
            WriteEntry(json, request, server);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteEntry(Utf8JsonWriter json, RecordedRequest request, Uri server)
    {
        var milliseconds = request.Duration.TotalMilliseconds;
        json.WriteStartObject();
        json.WriteString("startedDateTime", request.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture));
        json.WriteNumber("time", milliseconds);
        WriteRequest(json, request);
        WriteResponse(json, request);
        json.WriteStartObject("cache");
        json.WriteEndObject();
        json.WriteStartObject("timings");
        json.WriteNumber("blocked", -1);
        json.WriteNumber("dns", -1);
        json.WriteNumber("connect", -1);
        json.WriteNumber("send", 0);
        json.WriteNumber("wait", milliseconds);
        json.WriteNumber("receive", 0);
        json.WriteNumber("ssl", -1);
        json.WriteEndObject();
        json.WriteString("serverIPAddress", server.IdnHost.Trim('[', ']'));
        json.WriteString("connection", request.ConnectionId);
        HarStreams.Write(json, request);
        if (request.Aborted || request.Rejected)
        {
            json.WriteString("comment", request.Aborted ? "The client went away before the whole body arrived." : "The body was refused as larger than MaxRequestBodySize.");
        }

        json.WriteEndObject();
    }

    private static void WriteRequest(Utf8JsonWriter json, RecordedRequest request)
    {
        json.WriteStartObject("request");
        json.WriteString("method", request.Method);
        json.WriteString("url", request.Url.AbsoluteUri);
        json.WriteString("httpVersion", request.Protocol);
        json.WriteStartArray("cookies");
        foreach (var (name, value) in request.Cookies)
        {
            WritePair(json, name, value);
        }

        json.WriteEndArray();
        WriteHeaders(json, request.Headers);
        json.WriteStartArray("queryString");
        foreach (var (name, values) in QueryHelpers.ParseQuery(request.QueryString))
        {
            foreach (var value in values)
            {
                WritePair(json, name, value ?? string.Empty);
            }
        }

        json.WriteEndArray();
        if (request.BodyLength > 0)
        {
            WritePostData(json, request);
        }

        json.WriteNumber("headersSize", -1);
        json.WriteNumber("bodySize", request.BodyLength);
        json.WriteEndObject();
    }

    private static void WritePostData(Utf8JsonWriter json, RecordedRequest request)
    {
        var contentType = request.Header("Content-Type");
        json.WriteStartObject("postData");
        json.WriteString("mimeType", contentType ?? "application/octet-stream");
        if (request.BodyLength > MaxBodyInHar)
        {
            json.WriteString("text", string.Empty);
            json.WriteString("comment", string.Create(CultureInfo.InvariantCulture, $"The body of {request.BodyLength} bytes is larger than a HAR file holds well and was left out."));
        }
        else if (TryDecodeText(request.Body, contentType, out var text))
        {
            json.WriteString("text", text);
        }
        else
        {
            json.WriteBase64String("text", request.Body);
            json.WriteString("encoding", "base64");
        }

        json.WriteEndObject();
    }

    private static void WriteResponse(Utf8JsonWriter json, RecordedRequest request)
    {
        var headers = request.ResponseHeaders;
        json.WriteStartObject("response");
        json.WriteNumber("status", request.StatusCode);
        json.WriteString("statusText", ReasonPhrases.GetReasonPhrase(request.StatusCode));
        json.WriteString("httpVersion", request.Protocol);
        json.WriteStartArray("cookies");
        if (headers.TryGetValue(HeaderNames.SetCookie, out var setCookies) && SetCookieHeaderValue.TryParseList(setCookies, out var cookies))
        {
            foreach (var cookie in cookies)
            {
                WritePair(json, cookie.Name.Value ?? string.Empty, cookie.Value.Value ?? string.Empty);
            }
        }

        json.WriteEndArray();
        WriteHeaders(json, headers);
        json.WriteStartObject("content");
        json.WriteNumber("size", request.ResponseBodyLength);
        json.WriteString("mimeType", headers.TryGetValue(HeaderNames.ContentType, out var type) ? string.Join(", ", type) : string.Empty);
        json.WriteEndObject();
        json.WriteString("redirectURL", headers.TryGetValue(HeaderNames.Location, out var location) ? string.Join(", ", location) : string.Empty);
        json.WriteNumber("headersSize", -1);
        json.WriteNumber("bodySize", request.ResponseBodyLength);
        if (request.ResponseAborted)
        {
            // Status 0 is how browsers export a response that never came; the comment says why.
            json.WriteString("comment", request.Fault != ResponseFault.None ? $"The response was broken off by the fault {request.Fault}." : "The response was broken off before it was sent whole.");
        }

        json.WriteEndObject();
    }

    // Text where the bytes are text and survive the round trip, base64 where they are not: a wrong guess either way would alter the body.
    private static bool TryDecodeText(byte[] body, string? contentType, out string text)
    {
        if (!Charsets.TryDecodeExact(body, contentType, out text))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\r' or '\n' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    private static void WriteHeaders(Utf8JsonWriter json, IReadOnlyDictionary<string, string[]> headers)
    {
        json.WriteStartArray("headers");
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                WritePair(json, name, value);
            }
        }

        json.WriteEndArray();
    }

    private static void WritePair(Utf8JsonWriter json, string name, string value)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("value", value);
        json.WriteEndObject();
    }
}
