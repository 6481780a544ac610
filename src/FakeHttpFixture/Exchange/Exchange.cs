using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FakeHttpFixture;

/// <summary>
/// One request and its response, from the moment the request is recorded until the exchange completes: the only place that
/// notes the status and headers that went out, counts the body bytes, records an abort or a fault, and completes the record.
/// Responders receive it and write through <see cref="Context"/>; whatever they do, each of those steps happens exactly once.
/// </summary>
/// <remarks>
/// It stands in for three of Kestrel's features for the request. As the response body feature it counts the bytes written through
/// any door (writer, stream, send-file) and notes status and headers just before the first of them can start the response. As the
/// response feature it sees every OnStarting callback: code that changes headers from one (CORS, a test's handler) makes the
/// exchange note them from a callback of its own, registered first so that it runs last. As the lifetime feature it hears an
/// abort at once, whoever calls it; Kestrel cancels RequestAborted later, on the thread pool. Noting at the first write rather
/// than from an OnStarting callback keeps Kestrel on its fast start path for the common response (docs/benchmarks.md).
/// </remarks>
internal sealed partial class Exchange : IHttpResponseBodyFeature, IHttpResponseFeature, IHttpRequestLifetimeFeature
{
    private readonly IHttpResponseBodyFeature _body;
    private readonly IHttpResponseFeature _response;
    private readonly IHttpRequestLifetimeFeature _lifetime;
    private readonly ResponseCapture? _capture;
    private CountingPipeWriter? _writer;
    private CountingStream? _stream;
    private bool _noted;
    private bool _notesAtStart;
    private bool _completed;

    private Exchange(HttpContext context, RecordedRequest request, ResponseCapture? capture)
    {
        Context = context;
        Request = request;
        _capture = capture;
        if (capture is not null)
        {
            request.AttachResponseCapture(capture);
        }

        var features = context.Features;
        _body = features.GetRequiredFeature<IHttpResponseBodyFeature>();
        _response = features.GetRequiredFeature<IHttpResponseFeature>();
        _lifetime = features.GetRequiredFeature<IHttpRequestLifetimeFeature>();
        features.Set<IHttpResponseBodyFeature>(this);
        features.Set<IHttpResponseFeature>(this);
        features.Set<IHttpRequestLifetimeFeature>(this);
    }

    /// <summary>Gets the request's context, through which responders read the request and write the response.</summary>
    public HttpContext Context { get; }

    /// <summary>Gets the recorded request, already in the journal.</summary>
    public RecordedRequest Request { get; }

    /// <summary>Gets a token cancelled when the client goes away.</summary>
    public CancellationToken Aborted => _lifetime.RequestAborted;

    Stream IHttpResponseBodyFeature.Stream => _stream ??= new CountingStream(_body.Stream, this);

    PipeWriter IHttpResponseBodyFeature.Writer => _writer ??= new CountingPipeWriter(_body.Writer, this);

    int IHttpResponseFeature.StatusCode
    {
        get => _response.StatusCode;
        set => _response.StatusCode = value;
    }

    string? IHttpResponseFeature.ReasonPhrase
    {
        get => _response.ReasonPhrase;
        set => _response.ReasonPhrase = value;
    }

    IHeaderDictionary IHttpResponseFeature.Headers
    {
        get => _response.Headers;
        set => _response.Headers = value;
    }

#pragma warning disable CS0618 // IHttpResponseFeature.Body is obsolete but still part of the interface; it passes through.
    Stream IHttpResponseFeature.Body
    {
        get => _response.Body;
        set => _response.Body = value;
    }
#pragma warning restore CS0618

    bool IHttpResponseFeature.HasStarted => _response.HasStarted;

    CancellationToken IHttpRequestLifetimeFeature.RequestAborted
    {
        get => _lifetime.RequestAborted;
        set => _lifetime.RequestAborted = value;
    }

    /// <summary>Gets or sets the name of the added stage being asked (<see cref="ExtensionResponder"/>); null for the server's own stages.</summary>
    internal string? StageName { get; set; }

    /// <summary>
    /// Gets or sets the stage being asked, set before each is asked: the stage that starts the response is the one that answers, so
    /// the record names it when the status is noted, before the client can read a byte of the answer (not only at completion).
    /// </summary>
    internal ResponseSource Answering { get; set; }

    /// <summary>Gets a value indicating whether the response body is recorded as it is written (<see cref="ResponseCapture"/>).</summary>
    internal bool CapturesBody => _capture is not null;

    /// <summary>Records the request as arriving, in the journal, and attaches the exchange to its context.</summary>
    /// <param name="context">The request's context.</param>
    /// <param name="request">The recorded request, already in the journal.</param>
    /// <param name="capture">Where the response body is teed to, or <see langword="null"/> when the server does not record response bodies.</param>
    public static Exchange Begin(HttpContext context, RecordedRequest request, ResponseCapture? capture = null) => new(context, request, capture);

    /// <summary>Breaks the response off: the connection (or HTTP/2 stream) is aborted and the record says the response never came whole.</summary>
    public void Abort()
    {
        Request.MarkResponseAborted();
        _lifetime.Abort();
    }

    /// <summary>
    /// Answers a failure the test did not script (a handler that threw, an I/O error of the served tree): 500 with
    /// <paramref name="text"/> when the response has not started, an aborted response when it has. Either way the record shows
    /// what went on the wire, never a status the failed code had set before it failed.
    /// </summary>
    public async Task AnswerFailureAsync(string text)
    {
        var response = Context.Response;
        if (Aborted.IsCancellationRequested || response.HasStarted)
        {
            Abort();
            return;
        }

        response.Clear();
        Request.MarkAnsweredByFixture();
        response.StatusCode = StatusCodes.Status500InternalServerError;
        response.ContentType = "text/plain; charset=utf-8";
        try
        {
            await response.WriteAsync(text, Aborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ClientGone.Is(ex))
        {
            // The client is gone; the record says the response broke off.
            Abort();
        }
    }

    /// <summary>
    /// Records that the responder ends the response short of its Content-Length, as an upstream that broke off did: Kestrel then
    /// closes the connection (HTTP/1.1) or resets the stream (HTTP/2) once what was written has gone out, so the client reads every
    /// byte sent and then sees the body end early, where an <see cref="Abort"/> could reset the connection before those bytes arrive.
    /// </summary>
    public void EndShort() => Request.MarkResponseAborted();

    /// <summary>Records that a scripted fault broke the exchange; the fault itself is played by the caller.</summary>
    public void PlayFault(ResponseFault fault) => Request.MarkFault(fault);

    /// <summary>Records the chaos rule or rate limit that fired on the request, whether it answered or only delayed it.</summary>
    public void NoteChaos(string rule) => Request.MarkChaos(rule);

    /// <summary>Records that nothing answered the request in strict mode, for Verify.</summary>
    public void MarkUnmatched() => Request.MarkUnmatched();

    /// <summary>
    /// Completes the record exactly once, when the responders are done: a response that wrote nothing is noted now, with what
    /// Kestrel will send when the application returns; a client that left before the whole response makes it an aborted one.
    /// </summary>
    public void Complete(TimeSpan duration)
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        if (!_notesAtStart && (!_noted || !_response.HasStarted))
        {
            // Nothing has gone out yet, or a write failed before the start: what goes out is what the response holds now.
            Note();
        }

        if (Aborted.IsCancellationRequested && !ResponseWasWhole())
        {
            Request.MarkResponseAborted();
        }

        Request.Complete(Answering, duration, StageName);
        Request.EndStreams();

        // Last, so that a reader woken by the body (ResponseBody, SaveHar) finds the rest of the record final too.
        _capture?.Complete();
    }

    /// <summary>Records how the upstream of the proxy failed; the caller answers 502 or breaks the response off.</summary>
    public void NoteUpstreamFailure(UpstreamFailure failure) => Request.MarkUpstreamFailure(failure);

    /// <summary>Records, before the request joins the journal, that its client went away while sending the body, so a waiter woken by it sees the exchange as broken.</summary>
    public static void NoteClientGone(RecordedRequest request) => request.MarkResponseAborted();

    /// <summary>Completes the record of a request whose body broke off or was refused, which the responders never see.</summary>
    public static void CompleteWithoutAnswer(HttpContext context, RecordedRequest request, int status, TimeSpan duration)
    {
        if (status != 0 && !context.Response.HasStarted)
        {
            context.Response.StatusCode = status;
            request.NoteResponse(status, HeaderSnapshot.CopyEntries(context.Response.Headers));
        }
        else
        {
            request.MarkResponseAborted();
        }

        request.Complete(ResponseSource.None, duration);
    }

    /// <summary>Notes status and headers before the response can start, unless they are noted already or a callback will note them.</summary>
    internal void BeforeStart()
    {
        if (!_noted && !_notesAtStart)
        {
            Note();
        }
    }

    internal void AddResponseBytes(long count) => Request.AddResponseBytes(count);

    /// <summary>Tees bytes just written into the response body's record; only called when <see cref="CapturesBody"/>.</summary>
    internal void CaptureBody(ReadOnlySpan<byte> bytes) => _capture!.Write(bytes, _response.Headers.ContentLength);

    /// <summary>Tees bytes about to be written into the response body's record; only called when <see cref="CapturesBody"/>.</summary>
    internal ValueTask CaptureBodyAsync(ReadOnlyMemory<byte> bytes) => _capture!.WriteAsync(bytes, _response.Headers.ContentLength);

    private Task NoteAtStart()
    {
        Note();
        return Task.CompletedTask;
    }

    private void Note()
    {
        _noted = true;

        // Kestrel still starts a response when the application returns from an aborted request, though no byte of it reaches
        // the client: such a response is recorded as none (status 0), not as the default 200.
        if (Request.ResponseAborted || Aborted.IsCancellationRequested)
        {
            Request.MarkResponseAborted();
            return;
        }

        Request.NoteResponse(_response.StatusCode, HeaderSnapshot.CopyEntries(_response.Headers));
        Request.NoteAnsweredBy(Answering, StageName);
    }

    // A client that read the whole response may close the connection before the application returns: that is no abort.
    private bool ResponseWasWhole() =>
        _response.HasStarted && !Request.ResponseAborted
        && (HttpMethods.IsHead(Request.Method) || (Context.Response.ContentLength is { } length && Request.ResponseBodyLength >= length));
}
