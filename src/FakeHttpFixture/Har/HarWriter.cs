using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FakeHttpFixture;

/// <summary>Writes a journal as HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), the format browser developer tools import.</summary>
internal static class HarWriter
{
    /// <summary>Bodies above this size are left out with a comment: a HAR file holds each body as one JSON string.</summary>
    internal const long MaxBodyInHar = 64L * 1024 * 1024;

    /// <summary>How long, in all, the writer waits for responses still going out to complete, so that their recorded bodies are whole.</summary>
    private static readonly TimeSpan ResponseWait = TimeSpan.FromSeconds(5);

    // Diff-friendly: indented, "\n" on every system, and text bodies readable (HTML and non-ASCII text unescaped; the file is not embedded in a page).
    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(Stream stream, IReadOnlyList<RecordedRequest> requests, Uri server, HeaderRedaction? redaction = null)
    {
        redaction ??= HeaderRedaction.None;
        var waitUntil = Stopwatch.GetTimestamp() + (long)(ResponseWait.TotalSeconds * Stopwatch.Frequency);
        using var json = new Utf8JsonWriter(stream, Options);
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
            WriteEntry(json, request, server, redaction, waitUntil);

            // Utf8JsonWriter holds everything until flushed: without this, the whole file would wait in one growing buffer.
            json.Flush();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteEntry(Utf8JsonWriter json, RecordedRequest request, Uri server, HeaderRedaction redaction, long waitUntil)
    {
        var milliseconds = request.Duration.TotalMilliseconds;
        json.WriteStartObject();
        json.WriteString("startedDateTime", request.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture));
        json.WriteNumber("time", milliseconds);
        WriteRequest(json, request, redaction);
        WriteResponse(json, request, redaction, waitUntil);
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
            json.WriteString("comment", request.Aborted ? "The body broke off before it was whole (the client went away or sent it malformed, or the server stopped first); the bytes that arrived are kept."
                : request.StatusCode == 507 ? "The body could not be kept: the temp folder is full or not writable."
                : "The body was refused as larger than MaxRequestBodySize.");
        }

        json.WriteEndObject();
    }

    private static void WriteRequest(Utf8JsonWriter json, RecordedRequest request, HeaderRedaction redaction)
    {
        json.WriteStartObject("request");
        json.WriteString("method", request.Method);
        json.WriteString("url", request.Url.AbsoluteUri);
        json.WriteString("httpVersion", request.Protocol);
        json.WriteStartArray("cookies");
        foreach (var (name, value) in request.Cookies)
        {
            WritePair(json, name, redaction.Redacts(HeaderNames.Cookie) ? HeaderRedaction.Marker : value);
        }

        json.WriteEndArray();
        WriteHeaders(json, request.Headers, redaction);
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
        else if (!TryLoadBody(request, out var body))
        {
            json.WriteString("text", string.Empty);
            json.WriteString("comment", string.Create(CultureInfo.InvariantCulture, $"The body of {request.BodyLength} bytes was kept in a temp file that is gone, so it was left out."));
        }
        else if (TryDecodeText(body, contentType, out var text))
        {
            json.WriteString("text", text);
        }
        else
        {
            json.WriteBase64String("text", body);
            json.WriteString("encoding", "base64");
        }

        json.WriteEndObject();
    }

    private static void WriteResponse(Utf8JsonWriter json, RecordedRequest request, HeaderRedaction redaction, long waitUntil)
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
                WritePair(json, cookie.Name.Value ?? string.Empty, redaction.Redacts(HeaderNames.SetCookie) ? HeaderRedaction.Marker : cookie.Value.Value ?? string.Empty);
            }
        }

        json.WriteEndArray();
        WriteHeaders(json, headers, redaction);
        json.WriteStartObject("content");
        json.WriteNumber("size", request.ResponseBodyLength);
        json.WriteString("mimeType", headers.TryGetValue(HeaderNames.ContentType, out var type) ? string.Join(", ", type) : string.Empty);
        if (request.ResponseCapture is { } capture)
        {
            WriteContentText(json, capture, headers, waitUntil);
        }

        json.WriteEndObject();
        json.WriteString("redirectURL", headers.TryGetValue(HeaderNames.Location, out var location) ? string.Join(", ", location) : string.Empty);
        json.WriteNumber("headersSize", -1);
        json.WriteNumber("bodySize", request.ResponseBodyLength);
        if (request.ResponseAborted)
        {
            // Status 0 is how browsers export a response that never came; the comment says why.
            json.WriteString("comment", request.Fault != ResponseFault.None ? $"The response was broken off by the fault {request.Fault}."
                : request.UpstreamFailure != UpstreamFailure.None ? $"The upstream failed mid-response ({request.UpstreamFailure}), so the response was broken off."
                : "The response was broken off before it was sent whole.");
        }
        else if (request.UpstreamFailure != UpstreamFailure.None)
        {
            json.WriteString("comment", $"The upstream failed ({request.UpstreamFailure}), so FakeHttpFixture answered {request.StatusCode} itself.");
        }

        json.WriteEndObject();
    }

    // A spilled body whose temp file was deleted (the server disposed, or the file released) must not cost the entries after it.
    private static bool TryLoadBody(RecordedRequest request, out byte[] body)
    {
        try
        {
            body = request.Body;
            return true;
        }
        catch (Exception ex) when (ex is ObjectDisposedException or IOException or UnauthorizedAccessException)
        {
            body = [];
            return false;
        }
    }

    // The body as it went out. A body still under its Content-Encoding (gzip …) is kept so, as base64, and "_contentEncoding" says
    // so: HAR's own convention is a decoded body, which is what browsers write, and a replay must not decode ours or encode theirs.
    private static void WriteContentText(Utf8JsonWriter json, ResponseCapture capture, IReadOnlyDictionary<string, string[]> headers, long waitUntil)
    {
        var body = capture.Wait(Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), waitUntil) is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero);
        if (body is not { } recorded)
        {
            json.WriteString("comment", capture.IsComplete ? "The response body could not be recorded (the temp folder was not writable or full)." : "The response was still being sent when the HAR was written, so its body is left out.");
            return;
        }

        if (recorded.Length > MaxBodyInHar)
        {
            json.WriteString("comment", string.Create(CultureInfo.InvariantCulture, $"The body of {recorded.Length} bytes is larger than a HAR file holds well and was left out."));
            return;
        }

        var coding = headers.TryGetValue(HeaderNames.ContentEncoding, out var codings) ? string.Join(", ", codings) : null;
        if (string.Equals(coding, "identity", StringComparison.OrdinalIgnoreCase))
        {
            coding = null;
        }

        byte[] bytes;
        try
        {
            bytes = recorded.Load();
        }
        catch (Exception ex) when (ex is ObjectDisposedException or IOException or UnauthorizedAccessException)
        {
            json.WriteString("comment", "The body was kept in a temp file, which was deleted when the server was disposed; save the HAR before disposing the server.");
            return;
        }

        var contentType = headers.TryGetValue(HeaderNames.ContentType, out var type) ? string.Join(", ", type) : null;
        if (coding is null && TryDecodeText(bytes, contentType, out var text))
        {
            json.WriteString("text", text);
        }
        else if (bytes.Length != 0)
        {
            json.WriteBase64String("text", bytes);
            json.WriteString("encoding", "base64");
        }
        else
        {
            json.WriteString("text", string.Empty);
        }

        if (coding is not null)
        {
            json.WriteString("_contentEncoding", coding);
        }
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

    private static void WriteHeaders(Utf8JsonWriter json, IReadOnlyDictionary<string, string[]> headers, HeaderRedaction redaction)
    {
        json.WriteStartArray("headers");
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                WritePair(json, name, redaction.Apply(name, value));
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
