using System.Text;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace FakeHttpFixture;

/// <summary>
/// RecordedRequest is one request as the server received it: request line, headers and the exact body bytes.
/// It joins the journal as soon as its body has arrived, before the response is sent, so a client never sees
/// a response whose request is not yet in <see cref="HttpFixtureServer.Requests"/>.
/// </summary>
public sealed class RecordedRequest
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly byte[] _body;
    private string? _bodyText;
    private volatile int _statusCode;

    internal RecordedRequest(
        DateTimeOffset timestamp,
        string method,
        string path,
        string queryString,
        Uri url,
        string protocol,
        IReadOnlyDictionary<string, string[]> headers,
        byte[] body,
        bool aborted)
    {
        Timestamp = timestamp;
        Method = method;
        Path = path;
        QueryString = queryString;
        Url = url;
        Protocol = protocol;
        Headers = headers;
        _body = body;
        Aborted = aborted;
    }

    /// <summary>Gets the request's number on its server: 1, 2, 3 … in the order the requests arrived.</summary>
    public long Sequence { get; internal set; }

    /// <summary>Gets when the request's headers arrived.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Gets the request method, such as "GET" or "POST".</summary>
    public string Method { get; }

    /// <summary>Gets the decoded path, which starts with '/'.</summary>
    public string Path { get; }

    /// <summary>Gets the raw query string with its '?', such as "?a=1", or the empty string.</summary>
    public string QueryString { get; }

    /// <summary>Gets the absolute URL the request was sent to.</summary>
    public Uri Url { get; }

    /// <summary>Gets the protocol of the request, such as "HTTP/1.1" or "HTTP/2".</summary>
    public string Protocol { get; }

    /// <summary>Gets the request headers; names are compared without regard to case.</summary>
    public IReadOnlyDictionary<string, string[]> Headers { get; }

    /// <summary>Gets exactly the bytes of the request body that were received; empty when there was none.</summary>
    public byte[] Body => _body;

    /// <summary>Gets the length of the body in bytes.</summary>
    public long BodyLength => _body.LongLength;

    /// <summary>Gets the body decoded by the charset of the request's Content-Type, UTF-8 when it names none.</summary>
    public string BodyText => _bodyText ??= DecodeBody();

    /// <summary>
    /// Gets the status code the server answered, set just before the response headers were sent;
    /// 0 while the response has not started (for example while a delayed response is still waiting).
    /// </summary>
    public int StatusCode
    {
        get => _statusCode;
        internal set => _statusCode = value;
    }

    /// <summary>Gets the name of the stage that answered, such as "file" or "fallback"; <see langword="null"/> while none has.</summary>
    public string? Responder { get; internal set; }

    /// <summary>Gets a value indicating whether no stub or file answered the request in <see cref="HttpFixtureOptions.Strict"/> mode; <see cref="HttpFixtureServer.Verify"/> reports such requests.</summary>
    public bool Unmatched { get; internal set; }

    /// <summary>Gets a value indicating whether the client went away before the whole body arrived; <see cref="Body"/> then holds what did arrive.</summary>
    public bool Aborted { get; }

    /// <summary>Header returns the values of the header <paramref name="name"/> joined with ", ", or <see langword="null"/> when the request has no such header.</summary>
    /// <param name="name">The header name, in any case.</param>
    /// <returns>The joined values, or <see langword="null"/>.</returns>
    public string? Header(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Headers.TryGetValue(name, out var values) ? string.Join(", ", values) : null;
    }

    /// <summary>BodyJson deserializes the body with System.Text.Json's web defaults (camelCase names, case-insensitive).</summary>
    /// <typeparam name="T">The type to read the body as.</typeparam>
    /// <returns>The value, or <see langword="null"/> when the body is the JSON literal null.</returns>
    /// <exception cref="JsonException">The body is not JSON of that shape; the message says where it went wrong.</exception>
    public T? BodyJson<T>() => JsonSerializer.Deserialize<T>(_body, JsonOptions);

    /// <summary>Returns a one-line summary such as "#2 POST /upload (31 B) → 200".</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
    {
        var size = _body.Length == 0 ? string.Empty : $" ({_body.Length} B)";
        var status = StatusCode == 0 ? "no response yet" : StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var aborted = Aborted ? " [aborted]" : string.Empty;
        return $"#{Sequence} {Method} {Path}{QueryString}{size} → {status}{aborted}";
    }

    private string DecodeBody()
    {
        var encoding = Encoding.UTF8;
        var contentType = Header("Content-Type");
        if (contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var media) && media.Charset.HasValue)
        {
            try
            {
                encoding = Encoding.GetEncoding(media.Charset.Value!.Trim('"'));
            }
            catch (ArgumentException)
            {
                // An unknown charset is the client's mistake, not the test's: fall back to UTF-8 rather than throw from a property.
            }
        }

        return encoding.GetString(_body);
    }
}
