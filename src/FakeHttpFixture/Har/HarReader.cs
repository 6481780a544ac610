using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FakeHttpFixture;

/// <summary>
/// Reads the entries of a HAR file for replay: ours, and the shapes Chromium and Firefox write (HTTP/2 pseudo-headers, fields of
/// their own starting with '_', base64 bodies, decoded bodies under a Content-Encoding header, entries for other hosts, entries
/// that never got a response). It checks only what replay uses, and refuses a file where that is wrong with the line and the
/// field, so a hand-edited fixture is quick to fix; fields it does not use may hold anything.
/// </summary>
internal sealed partial class HarReader
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private readonly string _file;
    private readonly ReadOnlyMemory<byte> _json;

    private HarReader(string file, ReadOnlyMemory<byte> json)
    {
        _file = file;
        _json = json;
    }

    /// <summary>Reads <paramref name="file"/>: its replayable entries, and every entry as written, for a refresh to keep.</summary>
    /// <exception cref="InvalidDataException">The file cannot be read, is not JSON, or is not a HAR replay can use; the message names the line and field.</exception>
    public static HarFile ReadFile(string file)
    {
        var full = Path.GetFullPath(file);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"The HAR file '{full}' cannot be read: {ex.Message}", ex);
        }

        return Parse(full, bytes);
    }

    /// <summary>Reads the HAR in <paramref name="bytes"/>, naming it <paramref name="full"/> in messages (the fuzz target's way in).</summary>
    /// <exception cref="InvalidDataException">The bytes are not UTF-8, not JSON, or not a HAR replay can use; the message names the line and field.</exception>
    public static HarFile Parse(string full, byte[] bytes)
    {
        ReadOnlyMemory<byte> json = bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsMemory(3) : bytes;
        if (FirstInvalidUtf8(json.Span) is { } invalid)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"The HAR file '{full}' is not UTF-8: the byte 0x{json.Span[invalid]:X2} at offset {invalid + (bytes.Length - json.Length)} (line {json.Span[..invalid].Count((byte)'\n') + 1}) is not part of a UTF-8 character. HAR files are UTF-8 JSON: save it as UTF-8, or record it again."));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            var reason = ex.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0];
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"The HAR file '{full}' is not valid JSON: line {ex.LineNumber + 1}: {reason} Fix the file, or save it again."), ex);
        }

        using (document)
        {
            var reader = new HarReader(full, json);
            var entries = reader.Entries(document.RootElement, out var raw);
            return new HarFile(full, entries, raw);
        }
    }

    private List<HarEntry> Entries(JsonElement root, out List<JsonElement> raw)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fail([], $"must be an object with a \"log\"; it is {Describe(root)}");
        }

        object[] logPath = ["log"];
        var log = Required(root, [], "log", JsonValueKind.Object);
        var entries = Required(log, logPath, "entries", JsonValueKind.Array);
        var result = new List<HarEntry>(entries.GetArrayLength());
        raw = new List<JsonElement>(entries.GetArrayLength());
        var index = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            object[] path = ["log", "entries", index];
            index++;
            if (entry.ValueKind != JsonValueKind.Object)
            {
                throw Fail(path, $"must be an object with a request and a response; it is {Describe(entry)}");
            }

            if (Entry(entry, path, index) is { } replayable)
            {
                result.Add(replayable);
            }

            raw.Add(entry.Clone());
        }

        return result;
    }

    // Null for an entry that cannot be replayed and is skipped: one without a response (status 0: blocked, failed, cancelled), an
    // interim or upgrade response (1xx, such as a WebSocket's 101), or a URL that is not HTTP (data:, blob:, ws:).
    private HarEntry? Entry(JsonElement entry, object[] path, int number)
    {
        object[] requestPath = [.. path, "request"];
        object[] responsePath = [.. path, "response"];
        var request = Required(entry, path, "request", JsonValueKind.Object);
        var method = Required(request, requestPath, "method", JsonValueKind.String).GetString()!;
        if (method.Length == 0 || method.Any(char.IsWhiteSpace))
        {
            throw Fail([.. requestPath, "method"], $"must be an HTTP method such as \"GET\"; it is \"{method}\"");
        }

        var url = Required(request, requestPath, "url", JsonValueKind.String).GetString()!;
        if (Target(url) is not var (host, rawPath, rawQuery))
        {
            throw Fail([.. requestPath, "url"], $"must be an absolute URL such as \"https://example.com/a?b=1\"; it is \"{Shorten(url)}\"");
        }

        var response = Required(entry, path, "response", JsonValueKind.Object);
        var statusElement = Required(response, responsePath, "status", JsonValueKind.Number);
        if (!statusElement.TryGetInt32(out var status) || status is < 0 or > 999)
        {
            throw Fail([.. responsePath, "status"], $"must be an HTTP status code from 100 to 999 (or 0 for none); it is {statusElement.GetRawText()}");
        }

        var requestBody = RequestBody(request, requestPath);
        var headers = Headers(response, responsePath);
        var content = Optional(response, responsePath, "content", JsonValueKind.Object);
        object[] contentPath = [.. responsePath, "content"];
        var stillEncoded = content is { } c ? Optional(c, contentPath, "_contentEncoding", JsonValueKind.String)?.GetString() : null;
        if (host is null || status is 0 or < 200)
        {
            return null;
        }

        var contentType = headers.FirstOrDefault(h => h.Name.Equals(HeaderNames.ContentType, StringComparison.OrdinalIgnoreCase)).Value
            ?? (content is { } withType ? Optional(withType, contentPath, "mimeType", JsonValueKind.String)?.GetString() : null);
        var body = content is { } withText ? Text(withText, contentPath, "text", contentType) : [];
        var statusText = Optional(response, responsePath, "statusText", JsonValueKind.String)?.GetString();
        if (statusText is not null && !IsReasonPhrase(statusText))
        {
            throw Fail([.. responsePath, "statusText"], $"must be one line of visible ASCII text, as a status line holds; it is \"{Printable(statusText)}\", which could put other bytes on the wire");
        }

        var broken = Break(entry, path);
        if (broken.FixtureAnswer)
        {
            // FakeHttpFixture answered this itself (its upstream failed): no answer of the service to replay.
            return null;
        }

        var (sent, recordedLength) = Sendable(headers, keepContentEncoding: stillEncoded is not null);
        var bodiless = status is 204 or 304 || HttpMethodIsHead(method);
        return new HarEntry
        {
            Number = number,
            Method = method,
            Host = host,
            Path = HarUrl.DecodePath(rawPath),
            Query = HarUrl.NormalizeQuery(rawQuery),
            RawQuery = rawQuery,
            File = _file,
            RequestBody = requestBody,
            Status = status,
            ReasonPhrase = string.IsNullOrEmpty(statusText) || statusText == ReasonPhrases.GetReasonPhrase(status) ? null : statusText,
            Headers = sent,
            Body = bodiless ? [] : body,

            // The body's own length replaces the recorded one: a browser's decoded body is longer than what went on the wire.
            // HEAD keeps the recorded length, which describes the GET it stands for.
            // A broken answer keeps its recorded length, which the bytes it got fall short of, as they did.
            ContentLength = status is 204 or 304 ? null : HttpMethodIsHead(method) || broken.After is not null ? recordedLength : recordedLength is null ? null : body.LongLength,
            BreakAfter = broken.After,
        };
    }

    private static bool HttpMethodIsHead(string method) => string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase);

    // Splits an absolute http(s) URL into host, raw path and raw query as written (System.Uri would re-escape the path); a path
    // without a host ("/a?b") is taken too. A URL of another scheme gives a null host: the entry is skipped, not refused.
    private static (string? Host, string Path, string Query)? Target(string url)
    {
        var withoutFragment = url.Split('#', 2)[0];
        if (withoutFragment.StartsWith('/') && !withoutFragment.StartsWith("//", StringComparison.Ordinal))
        {
            var relative = withoutFragment.Split('?', 2);
            return (string.Empty, relative[0], relative.Length > 1 ? relative[1] : string.Empty);
        }

        if (!Uri.TryCreate(withoutFragment, UriKind.Absolute, out var uri))
        {
            return null;
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return (null, string.Empty, string.Empty);
        }

        var authorityEnd = withoutFragment.IndexOfAny(['/', '?'], withoutFragment.IndexOf("//", StringComparison.Ordinal) + 2);
        var rest = authorityEnd < 0 ? string.Empty : withoutFragment[authorityEnd..];
        var parts = rest.Split('?', 2);
        return (HarUrl.NormalizeHost(uri.Authority, uri.Scheme), parts[0], parts.Length > 1 ? parts[1] : string.Empty);
    }

    private byte[] RequestBody(JsonElement request, object[] requestPath)
    {
        if (Optional(request, requestPath, "postData", JsonValueKind.Object) is not { } postData)
        {
            return [];
        }

        object[] path = [.. requestPath, "postData"];
        var mimeType = Optional(postData, path, "mimeType", JsonValueKind.String)?.GetString();
        if (postData.TryGetProperty("text", out var text) && text.ValueKind != JsonValueKind.Null)
        {
            return Text(postData, path, "text", mimeType);
        }

        if (Optional(postData, path, "params", JsonValueKind.Array) is not { } parameters)
        {
            return [];
        }

        // Only the form's fields were kept: they are sent as a form, so a request that sends the same form matches.
        var form = new StringBuilder();
        foreach (var (name, value) in Pairs(parameters, [.. path, "params"]))
        {
            form.Append(form.Length == 0 ? string.Empty : "&").Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return Encoding.UTF8.GetBytes(form.ToString());
    }

    // A body: base64 when "encoding" says so, else text in the charset its content type names (UTF-8 by default), as the writer made it.
    private byte[] Text(JsonElement holder, object[] path, string name, string? contentType)
    {
        if (Optional(holder, path, name, JsonValueKind.String) is not { } text)
        {
            return [];
        }

        var encoding = Optional(holder, path, "encoding", JsonValueKind.String)?.GetString();
        if (string.IsNullOrEmpty(encoding))
        {
            return Charsets.Of(contentType).GetBytes(text.GetString()!);
        }

        if (!string.Equals(encoding, "base64", StringComparison.OrdinalIgnoreCase))
        {
            throw Fail([.. path, "encoding"], $"must be \"base64\" or left out; it is \"{Shorten(encoding)}\"");
        }

        if (!text.TryGetBytesFromBase64(out var bytes))
        {
            throw Fail([.. path, name], "is not valid base64, though \"encoding\" says it is");
        }

        return bytes;
    }
}
