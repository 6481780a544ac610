using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FakeHttpFixture;

/// <summary>Writes a journal as HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), the format browser developer tools import.</summary>
internal static partial class HarWriter
{
    /// <summary>Bodies above this size are left out with a comment: a HAR file holds each body as one JSON string.</summary>
    internal const long MaxBodyInHar = 64L * 1024 * 1024;

    /// <summary>How long, in all, the writer waits for responses still going out to complete, so that their recorded bodies are whole.</summary>
    private static readonly TimeSpan ResponseWait = TimeSpan.FromSeconds(5);

    // Diff-friendly: indented, "\n" on every system, and text bodies readable (HTML and non-ASCII text unescaped; the file is not embedded in a page).
    private static readonly JsonWriterOptions Options = new() { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="stream">Where the file goes.</param>
    /// <param name="requests">The journal.</param>
    /// <param name="server">The server's address, for each entry's serverIPAddress.</param>
    /// <param name="redaction">The headers whose values are written as REDACTED.</param>
    /// <param name="kept">
    /// For a refresh (a server that replays and proxies): every entry of the replayed files, written first, as they were; the
    /// journal then adds what the replay did not answer. <see langword="null"/> to write the journal alone.
    /// </param>
    public static void Write(Stream stream, IReadOnlyList<RecordedRequest> requests, Uri server, HeaderRedaction? redaction = null, IReadOnlyList<JsonElement>? kept = null)
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
        foreach (var entry in kept ?? [])
        {
            entry.WriteTo(json);
        }

        foreach (var request in requests)
        {
            if (kept is not null && request.AnsweredBy == ResponseSource.Replay)
            {
                // Its entry is among those kept, as the file had it.
                continue;
            }

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
        WriteOwnField(json, request);
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
        foreach (var value in request.Headers.TryGetValue(HeaderNames.Cookie, out var cookies) ? cookies : [])
        {
            foreach (var (name, text) in redaction.CookiePairs(HeaderNames.Cookie, value))
            {
                WritePair(json, name, text);
            }
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
