using System.Text;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace FakeHttpFixture;

/// <summary>
/// RecordedRequest is one request as the server received it: request line, headers and the exact body bytes.
/// It joins the journal as soon as its body has arrived, before the response is sent, so a client never sees
/// a response whose request is not yet in <see cref="HttpFixtureServer.Requests"/>.
/// </summary>
public sealed partial class RecordedRequest
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly RecordedBody _body;
    private byte[]? _bodyBytes;
    private string? _bodyText;

    internal RecordedRequest(RecordedBody body) => _body = body;

    /// <summary>Gets the request's number on its server: 1, 2, 3 … in the order the requests arrived.</summary>
    public long Sequence { get; internal set; }

    /// <summary>Gets when the request's headers arrived.</summary>
    public DateTimeOffset Timestamp { get; internal init; }

    /// <summary>Gets the request method, such as "GET" or "POST".</summary>
    public string Method { get; internal init; } = string.Empty;

    /// <summary>Gets the decoded path, which starts with '/'.</summary>
    public string Path { get; internal init; } = "/";

    /// <summary>Gets the raw query string with its '?', such as "?a=1", or the empty string.</summary>
    public string QueryString { get; internal init; } = string.Empty;

    /// <summary>Gets the absolute URL the request was sent to.</summary>
    public Uri Url => _url ??= RequestUrl.Create(this, _origin);

    /// <summary>Gets the protocol of the request, such as "HTTP/1.1" or "HTTP/2".</summary>
    public string Protocol { get; internal init; } = string.Empty;

    /// <summary>Gets the request headers; names are compared without regard to case.</summary>
    public IReadOnlyDictionary<string, string[]> Headers =>
        _headers ?? Interlocked.CompareExchange(ref _headers, HeaderSnapshot.Wrap(_headerEntries), null) ?? _headers;

    /// <summary>
    /// Gets exactly the bytes of the request body that were received; empty when there was none.
    /// A body over <see cref="HttpFixtureOptions.BodyMemoryThreshold"/> is read from its temp file on first use; <see cref="OpenBody"/> streams it instead.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The body was kept in a temp file and the server has been disposed since.</exception>
    // Exchanged once, so readers racing on first use get the same array (a small body's is a copy out of its slab).
    public byte[] Body => _bodyBytes ?? Interlocked.CompareExchange(ref _bodyBytes, _body.Load(), null) ?? _bodyBytes;

    /// <summary>Gets the number of body bytes received, without reading a body that was kept in a temp file.</summary>
    public long BodyLength => _body.Length;

    /// <summary>Gets a value indicating whether the body was larger than <see cref="HttpFixtureOptions.BodyMemoryThreshold"/> and so kept in a temp file.</summary>
    public bool BodySpilled => _body.IsSpilled;

    /// <summary>Gets the body decoded by the charset of the request's Content-Type, UTF-8 when it names none.</summary>
    public string BodyText => _bodyText ??= Decode(Body, Header("Content-Type"));

    /// <summary>Gets a value indicating whether no stub or file answered the request in <see cref="HttpFixtureOptions.Strict"/> mode; <see cref="HttpFixtureServer.Verify"/> reports such requests.</summary>
    public bool Unmatched { get; internal set; }

    /// <summary>Header returns the values of the header <paramref name="name"/> joined with ", ", or <see langword="null"/> when the request has no such header.</summary>
    /// <param name="name">The header name, in any case.</param>
    /// <returns>The joined values, or <see langword="null"/>.</returns>
    public string? Header(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        // The common single-value header is answered without making the array Headers hands out.
        return !HeaderSnapshot.TryGetRaw(_headerEntries, name, out var raw) ? null : raw.Count == 1 ? raw[0] : string.Join(", ", raw.ToArray());
    }

    /// <summary>OpenBody returns a read-only stream over the body, which reads a large body from its temp file without loading it into memory. The caller should dispose it.</summary>
    /// <returns>The stream.</returns>
    /// <exception cref="ObjectDisposedException">The body was kept in a temp file and the server has been disposed since.</exception>
    public Stream OpenBody() => _bodyBytes is { } bytes ? new MemoryStream(bytes, writable: false) : _body.OpenRead();

    /// <summary>BodyJson deserializes the body with System.Text.Json's web defaults (camelCase names, case-insensitive).</summary>
    /// <typeparam name="T">The type to read the body as.</typeparam>
    /// <returns>The value, or <see langword="null"/> when the body is the JSON literal null.</returns>
    /// <exception cref="JsonException">The body is not JSON of that shape; the message says where it went wrong.</exception>
    public T? BodyJson<T>()
    {
        if (_bodyBytes is null && _body.IsSpilled)
        {
            using var stream = _body.OpenRead();
            return JsonSerializer.Deserialize<T>(stream, JsonOptions);
        }

        return JsonSerializer.Deserialize<T>(Body, JsonOptions);
    }

    /// <summary>
    /// Returns a one-line summary such as "#2 POST /upload (31 B) → 200"; a broken exchange says how it broke:
    /// "→ no response [ResetConnection]", "→ 200 [TruncateAfter]", "→ no response [response aborted]" (the client went away).
    /// </summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var size = BodyLength == 0 ? string.Empty : $" ({ByteSize.Format(BodyLength)})";
        var status = StatusCode == 0 ? (ResponseAborted ? "no response" : "no response yet") : StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var aborted = Aborted ? " [aborted]" : Fault is { } fault ? $" [{fault}]" : ResponseAborted ? " [response aborted]" : string.Empty;
        return $"#{Sequence} {Method} {Path}{QueryString}{size} → {status}{aborted}";
    }

    internal static Encoding EncodingOf(string? contentType)
    {
        if (contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var media) && media.Charset.HasValue)
        {
            try
            {
                return Encoding.GetEncoding(media.Charset.Value!.Trim('"'));
            }
            catch (ArgumentException)
            {
                // An unknown charset is the client's mistake, not the test's: fall back to UTF-8 rather than throw from a property.
            }
        }

        return Encoding.UTF8;
    }

    internal static string Decode(byte[] bytes, string? contentType) => EncodingOf(contentType).GetString(bytes);
}
