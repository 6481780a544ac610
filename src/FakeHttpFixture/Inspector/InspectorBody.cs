using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FakeHttpFixture;

/// <summary>
/// Writes a body for the inspector as the page shows it: JSON pretty-printed, text, form fields, multipart parts, an image as a
/// data URL, anything else as a hex dump. Only the first <see cref="MaxShown"/> bytes are read, so a large spilled body is not loaded.
/// </summary>
internal static class InspectorBody
{
    public const int MaxShown = 1024 * 1024;
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteRequest(Utf8JsonWriter json, RecordedRequest request)
    {
        var contentType = request.Header("Content-Type");
        if (request.BodyLength == 0)
        {
            WriteNote(json, "empty", 0, contentType, null);
            return;
        }

        byte[] shown;
        try
        {
            shown = Read(request.OpenBody());
        }
        catch (ObjectDisposedException ex)
        {
            WriteNote(json, "gone", request.BodyLength, contentType, ex.Message);
            return;
        }

        Write(json, shown, request.BodyLength, contentType, null, request);
    }

    public static void WriteResponse(Utf8JsonWriter json, RecordedRequest request)
    {
        var contentType = request.ResponseHeaders.TryGetValue("Content-Type", out var types) ? string.Join(", ", types) : null;
        if (!request.IsCompleted)
        {
            WriteNote(json, "pending", request.ResponseBodyLength, contentType, "The response is still being sent; the page shows it once it has completed.");
            return;
        }

        Stream? body;
        try
        {
            body = request.OpenResponseBody();
        }
        catch (Exception ex) when (ex is ObjectDisposedException or TimeoutException)
        {
            WriteNote(json, "gone", request.ResponseBodyLength, contentType, ex.Message);
            return;
        }

        if (body is null)
        {
            var why = request.ResponseBodyLength == 0 ? null : "Response bodies are not recorded: set HttpFixtureOptions.RecordResponseBodies (ProxyTo turns it on) to see them here.";
            WriteNote(json, request.ResponseBodyLength == 0 ? "empty" : "not-recorded", request.ResponseBodyLength, contentType, why);
            return;
        }

        var encoding = request.ResponseHeaders.TryGetValue("Content-Encoding", out var encodings) ? string.Join(", ", encodings).Trim() : null;
        var length = request.ResponseBodyLength;
        var shown = Read(body);
        string? note = null;
        if (encoding is { Length: > 0 } && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase) && shown.LongLength == length)
        {
            (shown, length, note) = Decode(shown, encoding);
        }

        Write(json, shown, length, contentType, note, null);
    }

    private static void Write(Utf8JsonWriter json, byte[] shown, long length, string? contentType, string? note, RecordedRequest? request)
    {
        MediaTypeHeaderValue.TryParse(contentType, out var media);
        var type = media?.MediaType.Value?.ToLowerInvariant() ?? string.Empty;
        var whole = shown.LongLength == length;
        json.WriteStartObject();
        json.WriteNumber("length", length);
        json.WriteString("contentType", contentType);
        json.WriteBoolean("truncated", !whole);
        json.WriteString("note", note);
        if (type.StartsWith("image/", StringComparison.Ordinal) && whole)
        {
            json.WriteString("kind", "image");
            json.WriteString("dataUrl", $"data:{type};base64,{Convert.ToBase64String(shown)}");
        }
        else if (whole && request is not null && type == "multipart/form-data" && request.Parts.Count != 0)
        {
            json.WriteString("kind", "multipart");
            WriteParts(json, request.Parts);
        }
        else if (whole && type == "application/x-www-form-urlencoded")
        {
            json.WriteString("kind", "form");
            WriteFields(json, Charsets.Decode(shown, contentType));
        }
        else if (IsJson(type) && whole && Pretty(shown) is { } pretty)
        {
            json.WriteString("kind", "json");
            json.WriteString("text", pretty);
        }
        else if (IsText(type, media?.Charset.HasValue == true) || (type.Length == 0 && LooksLikeText(shown)))
        {
            json.WriteString("kind", "text");
            json.WriteString("text", Charsets.Decode(shown, contentType));
        }
        else
        {
            json.WriteString("kind", "binary");
            json.WriteString("text", HexDump.Format(shown));
        }

        json.WriteEndObject();
    }

    private static void WriteParts(Utf8JsonWriter json, IReadOnlyList<MultipartPart> parts)
    {
        json.WriteStartArray("parts");
        foreach (var part in parts)
        {
            json.WriteStartObject();
            json.WriteString("name", part.Name);
            json.WriteString("fileName", part.FileName);
            InspectorDetail.WriteHeaders(json, "headers", part.Headers);
            json.WritePropertyName("body");
            if (part.Body.Length == 0)
            {
                WriteNote(json, "empty", 0, part.ContentType, null);
            }
            else
            {
                Write(json, part.Body.Length > MaxShown ? part.Body[..MaxShown] : part.Body, part.Body.Length, part.ContentType ?? "text/plain", null, null);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteFields(Utf8JsonWriter json, string form)
    {
        json.WriteStartArray("fields");
        foreach (var (name, values) in QueryHelpers.ParseQuery(form))
        {
            foreach (var value in values)
            {
                json.WriteStartArray();
                json.WriteStringValue(name);
                json.WriteStringValue(value);
                json.WriteEndArray();
            }
        }

        json.WriteEndArray();
    }

    private static void WriteNote(Utf8JsonWriter json, string kind, long length, string? contentType, string? note)
    {
        json.WriteStartObject();
        json.WriteString("kind", kind);
        json.WriteNumber("length", length);
        json.WriteString("contentType", contentType);
        json.WriteBoolean("truncated", false);
        json.WriteString("note", note);
        json.WriteEndObject();
    }

    private static byte[] Read(Stream stream)
    {
        using (stream)
        {
            var buffer = new byte[MaxShown];
            var read = 0;
            int count;
            while (read < buffer.Length && (count = stream.Read(buffer, read, buffer.Length - read)) > 0)
            {
                read += count;
            }

            return buffer[..read];
        }
    }

    // The capture holds the bytes as they went out; the page shows what they say.
    private static (byte[] Shown, long Length, string Note) Decode(byte[] sent, string encoding)
    {
        Stream? decoder = encoding.ToUpperInvariant() switch
        {
            "GZIP" or "X-GZIP" => new GZipStream(new MemoryStream(sent), CompressionMode.Decompress),
            "BR" => new BrotliStream(new MemoryStream(sent), CompressionMode.Decompress),
            "DEFLATE" => new ZLibStream(new MemoryStream(sent), CompressionMode.Decompress),
            _ => null,
        };
        if (decoder is null)
        {
            return (sent, sent.Length, $"Sent {encoding}-encoded, which the inspector does not decode; shown as sent.");
        }

        try
        {
            var decoded = Read(decoder);
            var length = decoded.Length < MaxShown ? decoded.Length : MaxShown + 1L;
            return (decoded, length, $"Sent {encoding}-encoded ({sent.Length} bytes); shown decoded.");
        }
        catch (InvalidDataException ex)
        {
            return (sent, sent.Length, $"Sent {encoding}-encoded, but it does not decode ({ex.Message}); shown as sent.");
        }
    }

    private static string? Pretty(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            using var copy = new MemoryStream();
            using (var writer = new Utf8JsonWriter(copy, Indented))
            {
                document.WriteTo(writer);
            }

            return Encoding.UTF8.GetString(copy.GetBuffer(), 0, (int)copy.Length);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsJson(string type) => type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal);

    private static bool IsText(string type, bool hasCharset) =>
        hasCharset || type.StartsWith("text/", StringComparison.Ordinal) || IsJson(type) || type.EndsWith("+xml", StringComparison.Ordinal)
        || type is "application/xml" or "application/javascript" or "application/x-ndjson" or "application/graphql" or "application/x-www-form-urlencoded";

    // A body without a Content-Type is shown as text when it is valid UTF-8 without control characters, as curl's -d sends.
    private static bool LooksLikeText(byte[] body)
    {
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            return false;
        }

        foreach (var b in body)
        {
            if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t')
            {
                return false;
            }
        }

        return true;
    }
}
