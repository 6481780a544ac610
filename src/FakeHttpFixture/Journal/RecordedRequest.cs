using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FakeHttpFixture;

/// <summary>
/// Represents one request as the server received it: request line, headers and the exact body bytes, and what the server
/// answered. It joins the journal as soon as its body has arrived, before the response is sent, so a client never sees a
/// response whose request is not yet in <see cref="HttpFixtureServer.Requests"/>. Its request side never changes; its response
/// side fills in as the exchange goes on and is final once <see cref="Duration"/> is set.
/// </summary>
/// <remarks>
/// The URL, the client address, the header dictionaries, the text of the body and the parsed form are made on first read:
/// most tests never read them, and every object a journal entry holds is work for the garbage collector under load.
/// </remarks>
public sealed partial class RecordedRequest
{
    private RecordedBody _body;
    private readonly RequestOrigin _origin;
    private readonly KeyValuePair<string, StringValues>[] _headerEntries;
    private HeaderSnapshot? _headers;
    private Uri? _url;
    private IPEndPoint? _remoteEndPoint;
    private byte[]? _bodyBytes;
    private string? _bodyText;
    private IReadOnlyDictionary<string, string>? _cookies;
    private RequestContent? _content;

    internal RecordedRequest(RecordedBody body, RequestOrigin origin, KeyValuePair<string, StringValues>[] headerEntries)
    {
        _body = body;
        _origin = origin;
        _headerEntries = headerEntries;
    }

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

    /// <summary>Gets the request target exactly as it appeared in the request line, before any decoding, such as "/caf%C3%A9?x=1".</summary>
    public string RawTarget { get; internal init; } = string.Empty;

    /// <summary>Gets the absolute URL the request was sent to.</summary>
    public Uri Url => _url ??= RequestUrl.Create(this, _origin);

    /// <summary>Gets the protocol of the request, such as "HTTP/1.1" or "HTTP/2".</summary>
    public string Protocol { get; internal init; } = string.Empty;

    /// <summary>Gets the scheme the request came over: "http" or "https".</summary>
    public string Scheme { get; internal init; } = "http";

    /// <summary>Gets the host the client addressed (its Host header or HTTP/2 authority), such as "127.0.0.1:40123".</summary>
    public string Host { get; internal init; } = string.Empty;

    /// <summary>Gets the request headers; names are compared without regard to case.</summary>
    public IReadOnlyDictionary<string, string[]> Headers =>
        _headers ?? Interlocked.CompareExchange(ref _headers, HeaderSnapshot.Wrap(_headerEntries), null) ?? _headers;

    /// <summary>Gets the identifier Kestrel gave the connection the request came on; requests sent over one kept-alive connection share it.</summary>
    public string ConnectionId { get; internal init; } = string.Empty;

    /// <summary>Gets the position of the request on its connection: 0 for the first, 1 for the second sent over the same kept-alive connection, and so on.</summary>
    public int ExchangeIndex { get; internal init; }

    /// <summary>Gets the address and port of the client, or <see langword="null"/> when the transport does not tell.</summary>
    public IPEndPoint? RemoteEndPoint => _remoteEndPoint ??= _origin.RemoteEndPoint();

    /// <summary>Gets the subject of the certificate the client presented, such as "CN=alice"; <see langword="null"/> when it presented none.</summary>
    public string? ClientCertificateSubject { get; internal init; }

    /// <summary>Gets the SHA-1 thumbprint of the certificate the client presented, as <see cref="System.Security.Cryptography.X509Certificates.X509Certificate2.Thumbprint"/> gives it; <see langword="null"/> when it presented none.</summary>
    public string? ClientCertificateThumbprint { get; internal init; }

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

    /// <summary>Gets the body decoded by the charset of the request's Content-Type, UTF-8 when it names none or one .NET cannot decode.</summary>
    public string BodyText => _bodyText ??= Charsets.Decode(Body, Header("Content-Type"));

    /// <summary>Gets a value indicating whether the client went away, or sent a broken body, before the whole body arrived; <see cref="Body"/> then holds what did arrive.</summary>
    public bool Aborted { get; internal init; }

    /// <summary>
    /// Gets a value indicating whether the server refused the body: as larger than <see cref="HttpFixtureOptions.MaxRequestBodySize"/>
    /// (answered 413; <see cref="Body"/> then holds what was read before the refusal), or because it could not keep it, the temp
    /// folder being full or not writable (answered 507; <see cref="Body"/> is then empty).
    /// </summary>
    public bool Rejected { get; internal init; }

    /// <summary>Gets the cookies the client sent in its Cookie headers, by name; the first wins when a name repeats.</summary>
    public IReadOnlyDictionary<string, string> Cookies => _cookies ??= RequestContentParser.ParseCookies(Headers);

    /// <summary>
    /// Gets the form fields of an application/x-www-form-urlencoded or multipart/form-data body, decoded; in a multipart body,
    /// the parts without a file name. Empty for any other body.
    /// </summary>
    /// <exception cref="InvalidDataException">The body claims to be a form but is malformed; the message says where.</exception>
    public IReadOnlyDictionary<string, string[]> Form => Content.Form;

    /// <summary>Gets the parts of a multipart body (multipart/form-data, multipart/mixed …) in the order sent; empty for any other body.</summary>
    /// <exception cref="InvalidDataException">The body claims to be multipart but is malformed; the message says where.</exception>
    public IReadOnlyList<MultipartPart> Parts => Content.Parts;

    /// <summary>Gets or sets a value indicating whether a wait or an assertion of the test has accounted for this request, for <see cref="HttpFixtureServer.ShouldHaveReceivedNothingElse"/>.</summary>
    internal bool Checked { get; set; }

    /// <summary>Gets the request headers as copied from Kestrel, without making the dictionary <see cref="Headers"/> hands out.</summary>
    internal KeyValuePair<string, StringValues>[] HeaderEntries => _headerEntries;

    private RequestContent Content => _content ??= RequestContentParser.Parse(Sequence, Header("Content-Type"), BodyLength, OpenBody);

    /// <summary>Returns the values of the header <paramref name="name"/> joined with ", ", or <see langword="null"/> when the request has no such header.</summary>
    /// <param name="name">The header name, in any case.</param>
    /// <returns>The joined values, or <see langword="null"/>.</returns>
    public string? Header(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        // The common single-value header is answered without making the array Headers hands out.
        return !HeaderSnapshot.TryGetRaw(_headerEntries, name, out var raw) ? null : raw.Count == 1 ? raw[0] : string.Join(", ", raw.ToArray());
    }

    /// <summary>Returns a read-only stream over the body, which reads a large body from its temp file without loading it into memory. The caller should dispose it.</summary>
    /// <returns>The stream.</returns>
    /// <exception cref="ObjectDisposedException">The body was kept in a temp file and the server has been disposed since.</exception>
    public Stream OpenBody() => _bodyBytes is { } bytes ? new MemoryStream(bytes, writable: false) : _body.OpenRead();

    /// <summary>Deserializes the body with System.Text.Json's web defaults (camelCase names, case-insensitive).</summary>
    /// <typeparam name="T">The type to read the body as.</typeparam>
    /// <returns>The value, or <see langword="null"/> when the body is the JSON literal null.</returns>
    /// <exception cref="JsonException">The body is not JSON of that shape; the message says where it went wrong.</exception>
    public T? BodyJson<T>()
    {
        if (_bodyBytes is null && _body.IsSpilled)
        {
            using var stream = _body.OpenRead();
            return JsonSerializer.Deserialize<T>(stream, WebJson.Options);
        }

        return JsonSerializer.Deserialize<T>(Body, WebJson.Options);
    }

    /// <summary>
    /// Returns a one-line summary such as "#2 POST /upload (31 B) → 200"; a broken exchange says how it broke:
    /// "→ no response [ResetConnection]", "→ 200 [TruncateAfter]", "→ no response [response aborted]" (the client went away),
    /// "→ 502 [upstream ConnectionRefused]" (the upstream of ProxyTo failed); a stream says what went over it:
    /// "→ 101 (WebSocket: 4 messages)", "→ 200 (event stream: 3 events)"; a chaos rule that fired is named last:
    /// "→ 503 [chaos: every 3rd request → 503]".
    /// </summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var size = BodyLength == 0 ? string.Empty : $" ({ByteSize.Format(BodyLength)})";
        var status = StatusCode == 0 ? (ResponseAborted ? "no response" : "no response yet") : StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var broken = Aborted ? " [aborted]" : Fault != ResponseFault.None ? $" [{Fault}]" : UpstreamFailure != UpstreamFailure.None ? $" [upstream {UpstreamFailure}]" : ResponseAborted ? " [response aborted]" : string.Empty;
        var chaos = ChaosRule is { } rule ? $" [chaos: {rule}]" : string.Empty;
        return $"#{Sequence} {Method} {Path}{QueryString}{size} → {status}{StreamText.Summary(this)}{broken}{chaos}";
    }

    /// <summary>Sets the body of a request a stage read as it arrived, once the exchange is done with it (before it completes).</summary>
    internal void AttachStreamedBody(RecordedBody body)
    {
        _body = body;
        _bodyBytes = null;
        _bodyText = null;
    }

    /// <summary>
    /// Lets go of the body once fakehttp has written it out and no output needs it any more (no HAR): its temp file is deleted and its
    /// memory freed, so a long session's memory and temp folder do not grow. <see cref="BodyLength"/> stays; reading the bytes throws.
    /// Only the thread that wrote the request out calls it, after the exchange completed.
    /// </summary>
    internal void ReleaseBody()
    {
        _body = _body.Release();
        _bodyBytes = null;
        _bodyText = null;
        _content = null;
    }
}
