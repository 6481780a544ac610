using Microsoft.Extensions.Primitives;

namespace FakeHttpFixture;

/// <content>What the server answered. Only the request's <see cref="Exchange"/> writes these, once each, as the response goes out.</content>
public sealed partial class RecordedRequest
{
    private volatile int _statusCode;
    private volatile KeyValuePair<string, StringValues>[]? _responseHeaderEntries;
    private HeaderSnapshot? _responseHeaders;
    private long _responseBodyLength;
    private long _durationTicks;
    private volatile bool _responseAborted;
    private volatile bool _unmatched;
    private volatile ResponseFault _fault;
    private volatile ResponseSource _responder;
    private volatile UpstreamFailure _upstreamFailure;
    private ResponseCapture? _responseCapture;
    private volatile string? _chaosRule;
    private static readonly object CompletedMark = new();
    private volatile string? _answeringStage;
    private object? _completion;
    private long _answeredAtTicks;

    /// <summary>
    /// Gets the status code the server answered, set just before the response headers were sent;
    /// 0 while the response has not started (for example while a delayed response is still waiting) and when none was ever sent:
    /// the client went away first, or a <see cref="Fault"/> broke the exchange before the status line (see <see cref="ResponseAborted"/>).
    /// </summary>
    public int StatusCode => _statusCode;

    /// <summary>Gets the response headers as they were when the response started; empty until then.</summary>
    public IReadOnlyDictionary<string, string[]> ResponseHeaders =>
        _responseHeaderEntries is not { } entries ? HeaderSnapshot.Empty
        : _responseHeaders ?? Interlocked.CompareExchange(ref _responseHeaders, HeaderSnapshot.Wrap(entries), null) ?? _responseHeaders;

    /// <summary>Gets the number of response body bytes the server has written so far; final once the exchange completes.</summary>
    public long ResponseBodyLength => Interlocked.Read(ref _responseBodyLength);

    /// <summary>
    /// Gets how long the server took, from the request's arrival until its answer was written; <see cref="TimeSpan.Zero"/> until then.
    /// It is set before <see cref="HttpFixtureOptions.OnRequestCompleted"/> runs.
    /// </summary>
    public TimeSpan Duration => TimeSpan.FromTicks(Interlocked.Read(ref _durationTicks));

    /// <summary>
    /// Gets the stage that answered, such as <see cref="FakeHttpFixture.ResponseSource.File"/>; <see cref="FakeHttpFixture.ResponseSource.None"/> while none has.
    /// It is set as the stage's response starts, before the client can read the status line, so it is final once a client has the response;
    /// <see cref="Duration"/> and <see cref="ResponseBodyLength"/> are final only at completion (<see cref="HttpFixtureServer.WaitForCompletionAsync"/>).
    /// </summary>
    public ResponseSource AnsweredBy => _responder;

    /// <summary>Gets the name of the added stage that answered (<see cref="IAnsweringStage.Name"/>, such as "grpc") when <see cref="AnsweredBy"/> is <see cref="ResponseSource.Extension"/>; otherwise <see langword="null"/>.</summary>
    public string? AnsweringStage => _answeringStage;

    /// <summary>
    /// Gets the fault the answering stub played, such as <see cref="ResponseFault.ResetConnection"/>; <see cref="ResponseFault.None"/>
    /// when none was played. It lets a test tell a fault it scripted from a failure it did not expect.
    /// </summary>
    public ResponseFault Fault => _fault;

    /// <summary>
    /// Gets a value indicating whether the response was broken off instead of sent whole: by a <see cref="Fault"/>, because the client
    /// went away first (also when its body was <see cref="Aborted"/>), or because the server was disposed while the response waited.
    /// <see cref="StatusCode"/> then is the status that went out before the break, or 0 when no status line did.
    /// </summary>
    public bool ResponseAborted => _responseAborted;

    /// <summary>Gets a value indicating whether no stub or file answered the request in <see cref="HttpFixtureOptions.Strict"/> mode; <see cref="HttpFixtureServer.Verify"/> reports such requests.</summary>
    public bool Unmatched => _unmatched;

    /// <summary>
    /// Gets how the upstream of <see cref="HttpFixtureOptions.ProxyTo(Uri)"/> failed this request: refused, reset, timed out …; the client
    /// got 502 with a sentence saying which, or, when the failure came after the response had started, a broken-off response
    /// (<see cref="ResponseAborted"/>). <see cref="FakeHttpFixture.UpstreamFailure.None"/> when the upstream answered, or the request was not proxied.
    /// </summary>
    public UpstreamFailure UpstreamFailure => _upstreamFailure;

    /// <summary>
    /// Gets the bytes of the response body exactly as they went out (still compressed when the response had a Content-Encoding),
    /// when the server records response bodies (<see cref="HttpFixtureOptions.ProxyTo(Uri)"/> or <see cref="HttpFixtureOptions.RecordResponseBodies"/>);
    /// <see langword="null"/> when it does not, for a HEAD request (which has no body), or when the body could not be recorded (a full disk). A body over
    /// <see cref="HttpFixtureOptions.BodyMemoryThreshold"/> is kept in a temp file and read on first use; <see cref="OpenResponseBody"/> streams it instead.
    /// Read while the response is still going out, it waits up to 10 seconds for the exchange to complete.
    /// </summary>
    /// <exception cref="TimeoutException">The response was still going out 10 seconds later, as an endless stream does.</exception>
    /// <exception cref="ObjectDisposedException">The body was kept in a temp file and the server has been disposed since.</exception>
    public byte[]? ResponseBody => _responseCapture is { } capture ? capture.Bytes(ResponseWait) ?? ThrowIfStillSending(capture) : null;

    /// <summary>Gets the response body's capture, for the HAR writer; <see langword="null"/> when the server does not record response bodies.</summary>
    internal ResponseCapture? ResponseCapture => _responseCapture;

    private static TimeSpan ResponseWait => TimeSpan.FromSeconds(10);

    /// <summary>Returns a read-only stream over the recorded response body, which reads a large body from its temp file without loading it. The caller should dispose it.</summary>
    /// <returns>The stream, or <see langword="null"/> when response bodies are not recorded (see <see cref="ResponseBody"/>).</returns>
    /// <exception cref="TimeoutException">The response was still going out 10 seconds later.</exception>
    /// <exception cref="ObjectDisposedException">The body was kept in a temp file and the server has been disposed since.</exception>
    public Stream? OpenResponseBody()
    {
        if (_responseCapture is not { } capture)
        {
            return null;
        }

        return capture.Wait(ResponseWait) is { } body ? body.OpenRead() : capture.IsComplete ? null : throw StillSending();
    }

    internal void AttachResponseCapture(ResponseCapture capture) => _responseCapture = capture;

    internal void MarkUpstreamFailure(UpstreamFailure failure) => _upstreamFailure = failure;

    private byte[]? ThrowIfStillSending(ResponseCapture capture) => capture.IsComplete ? null : throw StillSending();

    private TimeoutException StillSending() =>
        new($"The response to {this} was still being sent {JournalText.Duration(ResponseWait)} later, so its body is not final. Read ResponseBody once the client has read the whole response.");

    /// <summary>
    /// Gets the chaos rule or rate limit that fired on this request, as it describes itself, such as
    /// "30% of requests (seed 1234) → 503" or "2 requests per 1 s → 429"; <see langword="null"/> when none did. A rule that
    /// answered instead of the stage that would have answered also shows in <see cref="AnsweredBy"/>; a rule that only delayed the
    /// request shows only here (see docs/chaos-and-client-behaviour.md).
    /// </summary>
    public string? ChaosRule => _chaosRule;

    /// <summary>Gets when the status and headers were noted, just before they went out; null while they have not been.</summary>
    internal DateTimeOffset? AnsweredAt => Interlocked.Read(ref _answeredAtTicks) is var ticks and not 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    internal void NoteResponse(int statusCode, KeyValuePair<string, StringValues>[] headers)
    {
        // The client cannot have seen the answer before this moment: the Retry-After check counts from it.
        Interlocked.Exchange(ref _answeredAtTicks, DateTimeOffset.UtcNow.UtcTicks);
        _responseHeaderEntries = headers;
        _responseHeaders = null;
        _statusCode = statusCode;
    }

    /// <summary>Names the stage whose response is starting; the name first, so a reader who sees <see cref="ResponseSource.Extension"/> sees it too.</summary>
    internal void NoteAnsweredBy(ResponseSource source, string? stage)
    {
        _answeringStage = stage;
        _responder = source;
    }

    internal void MarkFault(ResponseFault fault)
    {
        _fault = fault;
        _responseAborted = true;
    }

    /// <summary>Notes that the response was broken off; a status line not yet sent will not be recorded.</summary>
    internal void MarkResponseAborted() => _responseAborted = true;

    internal void MarkUnmatched() => _unmatched = true;

    internal void MarkChaos(string rule) => _chaosRule = rule;

    internal void AddResponseBytes(long count) => Interlocked.Add(ref _responseBodyLength, count);

    internal void Complete(ResponseSource answeredBy, TimeSpan duration, string? stage = null)
    {
        _answeringStage = stage;
        _responder = answeredBy;
        Interlocked.Exchange(ref _durationTicks, Math.Max(duration.Ticks, 1));
        if (Interlocked.Exchange(ref _completion, CompletedMark) is TaskCompletionSource waiting)
        {
            waiting.TrySetResult();
        }
    }

    /// <summary>Gets a value indicating whether the exchange has completed: <see cref="StatusCode"/>, <see cref="AnsweredBy"/>, <see cref="Duration"/> and the sizes are final.</summary>
    public bool IsCompleted => Volatile.Read(ref _completion) == CompletedMark;

    /// <summary>Returns a task that ends when the exchange completes; made only for a caller that waits, so a request nobody waits on costs nothing.</summary>
    internal Task WhenCompleted()
    {
        var current = Volatile.Read(ref _completion);
        if (current == CompletedMark)
        {
            return Task.CompletedTask;
        }

        if (current is TaskCompletionSource existing)
        {
            return existing.Task;
        }

        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var before = Interlocked.CompareExchange(ref _completion, mine, null);
        return before is null ? mine.Task : before == CompletedMark ? Task.CompletedTask : ((TaskCompletionSource)before).Task;
    }
}
