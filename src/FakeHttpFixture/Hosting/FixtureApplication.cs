using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Abstractions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FakeHttpFixture;

/// <summary>
/// The application Kestrel calls for every request: record it, let the responders answer in turn, and note the status.
/// It is an <see cref="IHttpApplication{TContext}"/> of its own rather than a middleware pipeline: no host, no DI per request.
/// </summary>
internal sealed class FixtureApplication(RequestJournal journal, IResponder[] responders, Action<RecordedRequest>? onCompleted) : IHttpApplication<HttpContext>
{
    public InFlightRequests InFlight { get; } = new();

    // Kestrel keeps one context per connection (or HTTP/2 stream) for the application to reuse, as ASP.NET Core's host does:
    // a DefaultHttpContext with its request and response objects is then made once per connection, not once per request.
    public HttpContext CreateContext(IFeatureCollection contextFeatures)
    {
        if (contextFeatures is not IHostContextContainer<HttpContext> container)
        {
            return new DefaultHttpContext(contextFeatures);
        }

        if (container.HostContext is DefaultHttpContext pooled)
        {
            pooled.Initialize(contextFeatures);
            return pooled;
        }

        var context = new DefaultHttpContext(contextFeatures);
        container.HostContext = context;
        return context;
    }

    // One async method per request, Enter and Exit included: a nested one would cost a second state machine box.
    public async Task ProcessRequestAsync(HttpContext context)
    {
        InFlight.Enter();
        try
        {
            // 1. record: the request joins the journal once its body is in, before any responder runs.
            var started = Stopwatch.GetTimestamp();
            var timestamp = DateTimeOffset.UtcNow;
            var body = await RequestBodyReader.ReadAsync(context, journal.Spill, journal.BodyMemoryThreshold).ConfigureAwait(false);
            var request = RequestSnapshot.Create(context, timestamp, body);
            var malformedStatus = body.IsAborted ? MalformedBodyStatus(body.Failure) : 0;
            if (body.IsAborted && malformedStatus == 0)
            {
                // Marked before it joins the journal, so a waiter woken by it sees the exchange as broken.
                request.AbortResponse();
            }

            journal.Append(request);
            if (body.IsAborted)
            {
                // A client that went away gets no answer. A body Kestrel could not parse (bad chunk size or trailer,
                // too slow) must get a 4xx: an untouched response would go out as 200.
                if (malformedStatus != 0 && !context.Response.HasStarted)
                {
                    request.StatusCode = malformedStatus;
                    context.Response.StatusCode = malformedStatus;
                }

                request.Complete(Stopwatch.GetElapsedTime(started));
                onCompleted?.Invoke(request);
                return;
            }

            var recorder = ResponseRecorder.Attach(context, request);
            RegisterCompletedHook(context, request);
            try
            {
                if (body.RejectedStatus != 0)
                {
                    // Kestrel refused the body (over MaxRequestBodySize): answer with its status, recorded like any answer.
                    context.Response.StatusCode = body.RejectedStatus;
                    return;
                }

                // 2–4. respond: the first responder that answers wins.
                foreach (var responder in responders)
                {
                    if (await responder.TryRespondAsync(context, request).ConfigureAwait(false))
                    {
                        request.Responder = responder.Name;
                        break;
                    }
                }
            }
            finally
            {
                // 5. complete: a response that wrote nothing starts now, with the status and headers the responders left;
                // everything the application wrote is counted; the duration is set before the hook runs.
                recorder.BeforeStart();
                if (context.RequestAborted.IsCancellationRequested && !ResponseWasWhole(context, request))
                {
                    request.AbortResponse();
                }

                request.Complete(Stopwatch.GetElapsedTime(started));
            }
        }
        finally
        {
            InFlight.Exit();
        }
    }

    // A client that read the whole response may close the connection before the application returns: that is no abort.
    private static bool ResponseWasWhole(HttpContext context, RecordedRequest request)
    {
        var response = context.Response;
        return response.HasStarted && !request.ResponseAborted
            && (HttpMethods.IsHead(context.Request.Method) || response.ContentLength is { } length && request.ResponseBodyLength >= length);
    }

    private void RegisterCompletedHook(HttpContext context, RecordedRequest request)
    {
        if (onCompleted is null)
        {
            return;
        }

        context.Response.OnCompleted(static state =>
        {
            var (callback, rec) = ((Action<RecordedRequest>, RecordedRequest))state;
            callback(rec);
            return Task.CompletedTask;
        }, (onCompleted, request));
    }

    // How Kestrel reports a malformed body, apart from a client that went away: "Unexpected end of request content" is the
    // client closing its side mid-body, which Kestrel takes for the end of the connection (dotnet/aspnetcore#13188);
    // a chunk size past 32 bits is an IOException over an OverflowException; a NUL or non-ASCII trailer byte is an
    // InvalidOperationException.
    private static int MalformedBodyStatus(Exception? failure) => failure switch
    {
        BadHttpRequestException bad when !bad.Message.StartsWith("Unexpected end of request content", StringComparison.Ordinal) => bad.StatusCode,
        IOException { InnerException: OverflowException } => StatusCodes.Status400BadRequest,
        InvalidOperationException => StatusCodes.Status400BadRequest,
        _ => 0,
    };

    // Drops the request's features, so a context waiting in the pool holds no request, response or body.
    public void DisposeContext(HttpContext context, Exception? exception) => (context as DefaultHttpContext)?.Uninitialize();
}
