using System.Net;
using Microsoft.Extensions.Primitives;

namespace FakeHttpFixture;

/// <content>Where the request came from and what the server answered.</content>
public sealed partial class RecordedRequest
{
    private volatile int _statusCode;
    private volatile KeyValuePair<string, StringValues>[]? _responseHeaderEntries;
    private HeaderSnapshot? _responseHeaders;
    private long _responseBodyLength;
    private long _durationTicks;
    private volatile bool _responseAborted;
    private volatile StubFault _fault;

    /// <summary>Gets the identifier Kestrel gave the connection the request came on; requests sent over one kept-alive connection share it.</summary>
    public string ConnectionId { get; internal init; } = string.Empty;

    /// <summary>Gets the position of the request on its connection: 0 for the first, 1 for the second sent over the same kept-alive connection, and so on.</summary>
    public int ExchangeIndex { get; internal init; }

    /// <summary>Gets the address and port of the client, or <see langword="null"/> when the transport does not tell.</summary>
    public IPEndPoint? RemoteEndPoint => _remoteEndPoint ??= _origin.RemoteEndPoint();

    /// <summary>Gets the scheme the request came over: "http" or "https".</summary>
    public string Scheme { get; internal init; } = "http";

    /// <summary>Gets the host the client addressed (its Host header or HTTP/2 authority), such as "127.0.0.1:40123".</summary>
    public string Host { get; internal init; } = string.Empty;

    /// <summary>Gets the request target exactly as it appeared in the request line, before any decoding, such as "/caf%C3%A9?x=1".</summary>
    public string RawTarget { get; internal init; } = string.Empty;

    /// <summary>
    /// Gets the status code the server answered, set just before the response headers were sent;
    /// 0 while the response has not started (for example while a delayed response is still waiting) and when none was ever sent:
    /// the client went away first, or a <see cref="Fault"/> broke the exchange before the status line (see <see cref="ResponseAborted"/>).
    /// </summary>
    public int StatusCode
    {
        get => _statusCode;
        internal set => _statusCode = value;
    }

    /// <summary>Gets the response headers as they were when the response started; empty until then.</summary>
    public IReadOnlyDictionary<string, string[]> ResponseHeaders =>
        _responseHeaderEntries is not { } entries ? HeaderSnapshot.Empty
        : _responseHeaders ?? Interlocked.CompareExchange(ref _responseHeaders, HeaderSnapshot.Wrap(entries), null) ?? _responseHeaders;

    /// <summary>Sets the response headers as copied from Kestrel when the response started; <see cref="ResponseHeaders"/> wraps them on first read, so a journal entry holds one object less.</summary>
    internal KeyValuePair<string, StringValues>[] ResponseHeaderEntries
    {
        set => _responseHeaderEntries = value;
    }

    /// <summary>Gets the number of response body bytes the server has written so far; final once the exchange completes.</summary>
    public long ResponseBodyLength => Interlocked.Read(ref _responseBodyLength);

    /// <summary>
    /// Gets how long the server took, from the request's arrival until its answer was written; <see cref="TimeSpan.Zero"/> until then.
    /// It is set before <see cref="HttpFixtureOptions.OnRequestCompleted"/> runs.
    /// </summary>
    public TimeSpan Duration => TimeSpan.FromTicks(Interlocked.Read(ref _durationTicks));

    /// <summary>Gets the name of the stage that answered, such as "file" or "fallback"; <see langword="null"/> while none has.</summary>
    public string? Responder { get; internal set; }

    /// <summary>Gets a value indicating whether the client went away before the whole body arrived; <see cref="Body"/> then holds what did arrive.</summary>
    public bool Aborted { get; internal init; }

    /// <summary>Gets a value indicating whether the server refused the body as larger than <see cref="HttpFixtureOptions.MaxRequestBodySize"/> and answered 413; <see cref="Body"/> then holds what was read before the refusal.</summary>
    public bool Rejected { get; internal init; }

    /// <summary>
    /// Gets the fault the answering stub played, named after the <see cref="StubResponse"/> member that asked for it: "ResetConnection",
    /// "ResetStream", "MalformedStatusLine", "Hang", "CloseAfterHeaders" or "TruncateAfter"; <see langword="null"/> when none was played.
    /// It lets a test tell a fault it scripted from a failure it did not expect.
    /// </summary>
    public string? Fault => _fault switch
    {
        StubFault.None => null,
        StubFault.ResetConnection => nameof(StubResponse.ResetConnection),
        StubFault.ResetStream => nameof(StubResponse.ResetStream),
        StubFault.MalformedStatusLine => nameof(StubResponse.MalformedStatusLine),
        StubFault.Hang => nameof(StubResponse.Hang),
        StubFault.CloseAfterHeaders => nameof(StubResponse.CloseAfterHeaders),
        _ => nameof(StubResponse.TruncateAfter),
    };

    /// <summary>
    /// Gets a value indicating whether the response was broken off instead of sent whole: by a <see cref="Fault"/>, because the client
    /// went away first (also when its body was <see cref="Aborted"/>), or because the server was disposed while the response waited.
    /// <see cref="StatusCode"/> then is the status that went out before the break, or 0 when no status line did.
    /// </summary>
    public bool ResponseAborted => _responseAborted;

    /// <summary>Gets or sets a value indicating whether a wait or an assertion of the test has accounted for this request, for <see cref="HttpFixtureServer.ShouldHaveReceivedNothingElse"/>.</summary>
    internal bool Checked { get; set; }

    /// <summary>Notes that a stub played <paramref name="fault"/>, which breaks the response.</summary>
    internal void PlayFault(StubFault fault)
    {
        _fault = fault;
        _responseAborted = true;
    }

    /// <summary>Notes that the response was broken off; a status line not yet sent will not be recorded.</summary>
    internal void AbortResponse() => _responseAborted = true;

    internal void AddResponseBytes(long count) => Interlocked.Add(ref _responseBodyLength, count);

    internal void Complete(TimeSpan duration) => Interlocked.Exchange(ref _durationTicks, Math.Max(duration.Ticks, 1));
}
