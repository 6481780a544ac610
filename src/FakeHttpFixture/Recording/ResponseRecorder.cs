using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FakeHttpFixture;

/// <summary>
/// Stands in for Kestrel's response body feature for one request, counting the bytes written through any of its doors
/// (writer, stream, send-file), and notes status and headers as the response starts. The wrappers are made only when used.
/// It stands in for the request lifetime feature too, so an abort is noted at once: Kestrel cancels RequestAborted later, on the thread pool.
/// </summary>
internal sealed class ResponseRecorder(IHttpResponseBodyFeature inner, IHttpRequestLifetimeFeature lifetime, HttpResponse response, RecordedRequest request)
    : IHttpResponseBodyFeature, IHttpRequestLifetimeFeature
{
    private CountingPipeWriter? _writer;
    private CountingStream? _stream;

    public Stream Stream => _stream ??= new CountingStream(inner.Stream, request);

    public PipeWriter Writer => _writer ??= new CountingPipeWriter(inner.Writer, request);

    public static void Attach(HttpContext context, RecordedRequest request)
    {
        var inner = context.Features.Get<IHttpResponseBodyFeature>()!;
        var lifetime = context.Features.Get<IHttpRequestLifetimeFeature>()!;
        var recorder = new ResponseRecorder(inner, lifetime, context.Response, request);
        context.Features.Set<IHttpResponseBodyFeature>(recorder);
        context.Features.Set<IHttpRequestLifetimeFeature>(recorder);

        // Registered first, so it runs last of the OnStarting callbacks and sees the final status and headers.
        // The recorder is the callback's state, so the registration allocates nothing more.
        context.Response.OnStarting(static state => ((ResponseRecorder)state).OnStarting(), recorder);
    }

    private Task OnStarting()
    {
        // Kestrel still fires OnStarting when the application returns from an aborted request, though no byte of that
        // response reaches the client: such a response is recorded as none (status 0), not as the default 200.
        if (request.ResponseAborted || response.HttpContext.RequestAborted.IsCancellationRequested)
        {
            request.AbortResponse();
            return Task.CompletedTask;
        }

        request.ResponseHeaderEntries = HeaderSnapshot.CopyEntries(response.Headers);
        request.StatusCode = response.StatusCode;
        return Task.CompletedTask;
    }

    CancellationToken IHttpRequestLifetimeFeature.RequestAborted
    {
        get => lifetime.RequestAborted;
        set => lifetime.RequestAborted = value;
    }

    void IHttpRequestLifetimeFeature.Abort()
    {
        request.AbortResponse();
        lifetime.Abort();
    }

    public void DisableBuffering() => inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        request.AddResponseBytes(count ?? new FileInfo(path).Length - offset);
        return inner.SendFileAsync(path, offset, count, cancellationToken);
    }

    public Task CompleteAsync() => inner.CompleteAsync();
}
