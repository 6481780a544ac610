using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Abstractions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FakeHttpFixture;

/// <summary>
/// The application Kestrel calls for every request, which reads as the journey of a request: record it, let the stages answer
/// in turn (queue, stubs, files, fallback), and complete the exchange. It is an <see cref="IHttpApplication{TContext}"/> of its
/// own rather than a middleware pipeline: no host, no DI per request.
/// </summary>
internal sealed class FixtureApplication(RequestJournal journal, IResponder[] responders, Action<RecordedRequest>? onCompleted, ExtensionPoints extensions) : IHttpApplication<HttpContext>
{
    public InFlightRequests InFlight { get; } = new();

    /// <summary>Gets the exchanges whose observers have yet to run, so that <see cref="HttpFixtureServer.Verify"/> sees what they report.</summary>
    public InFlightRequests Observing { get; } = new();

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
            // 0. own pages (an admin API, the inspector) are answered before anything is recorded.
            if (extensions.Pages.Length != 0 && extensions.Match(context.Request.Path) is { } page)
            {
                await page.Handler(context).ConfigureAwait(false);
                return;
            }

            // 1. record: the request joins the journal once its body is in, before any stage answers.
            var started = Stopwatch.GetTimestamp();
            var timestamp = DateTimeOffset.UtcNow;
            // A request without a body skips the reader: no await of ValueTask<BodyReadResult> runs, so a process's first GET
            // compiles none of the async machinery over that struct (docs/benchmarks.md, cold start).
            // A body an added stage reads as it arrives (a bidirectional gRPC call) is recorded as the stage reads it instead.
            var streamed = extensions.HasStages && !RequestBodyReader.HasNoBody(context) && extensions.AnswersWhileBodyArrives(context.Request)
                ? StreamedRequestBody.Install(context, journal.Spill, journal.BodyMemoryThreshold)
                : null;
            var body = streamed is not null || RequestBodyReader.HasNoBody(context)
                ? RequestBodyReader.None
                : await RequestBodyReader.ReadAsync(context, journal.Spill, journal.BodyMemoryThreshold).ConfigureAwait(false);
            var request = RequestSnapshot.Create(context, timestamp, body);
            if (body.Outcome == BodyOutcome.ClientGone)
            {
                // Marked before it joins the journal, so a waiter woken by it sees the exchange as broken.
                Exchange.NoteClientGone(request);
            }

            journal.Append(request);
            if (extensions.Observers.Length != 0)
            {
                Arrived(request);
            }

            if (body.Outcome != BodyOutcome.Whole)
            {
                // A client that went away gets no answer; a broken or refused body gets Kestrel's 4xx, one that could not be
                // kept 507, and no stage sees it.
                Exchange.CompleteWithoutAnswer(context, request, body.Status, Stopwatch.GetElapsedTime(started));
                Notify(context, request, completedNow: body.Outcome is not (BodyOutcome.Refused or BodyOutcome.NotStored));
                return;
            }

            var exchange = Exchange.Begin(context, request, journal.NewResponseCapture(request));
            Notify(context, request, completedNow: false);
            try
            {
                // 2–5. respond: the first stage that answers wins; the exchange knows which is asked, so the record names the stage
                // as its response starts.
                var answered = false;
                foreach (var responder in responders)
                {
                    exchange.Answering = responder.Stage;
                    if (await responder.TryRespondAsync(exchange).ConfigureAwait(false))
                    {
                        answered = true;
                        break;
                    }
                }

                if (!answered)
                {
                    exchange.Answering = ResponseSource.None;
                }
            }
#pragma warning disable CA1031 // Whatever a stage throws, the client gets an answer and the record says which.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                // A stage failed in a way no test scripts (an I/O error of the served tree): the client gets 500 from no stage, or, when
                // the stage had started its response, an abort of that stage's response.
                if (!context.Response.HasStarted)
                {
                    exchange.Answering = ResponseSource.None;
                    exchange.StageName = null;
                }

                await exchange.AnswerFailureAsync($"FakeHttpFixture could not answer {request.Method} {request.Path}: {ex.GetType().Name}: {ex.Message}\n").ConfigureAwait(false);
            }
            finally
            {
                if (streamed is not null)
                {
                    await streamed.FinishAsync(request).ConfigureAwait(false);
                }

                // 6. complete: status, headers, size, duration and the stage, exactly once, before Kestrel finishes the response.
                exchange.Complete(Stopwatch.GetElapsedTime(started));
            }
        }
        finally
        {
            InFlight.Exit();
        }
    }

    // The completion hook runs once the response has gone out; a request with no response to wait for runs it at once.
    private void Notify(HttpContext context, RecordedRequest request, bool completedNow)
    {
        if (onCompleted is null && extensions.Observers.Length == 0)
        {
            return;
        }

        if (completedNow)
        {
            Completed(request);
            return;
        }

        var observed = extensions.Observers.Length != 0;
        if (observed)
        {
            // Counted from here, not from the completion: the client may hold the whole response before the exchange completes.
            Observing.Enter();
        }

        context.Response.OnCompleted(static state =>
        {
            var (application, rec, counted) = ((FixtureApplication, RecordedRequest, bool))state;
            try
            {
                application.Completed(rec);
            }
            finally
            {
                if (counted)
                {
                    application.Observing.Exit();
                }
            }

            return Task.CompletedTask;
        }, (this, request, observed));
    }

    private void Arrived(RecordedRequest request)
    {
        foreach (var observer in extensions.Observers)
        {
            try
            {
                observer.OnRequestArrived(request, extensions.Server!);
            }
#pragma warning disable CA1031 // As for completions: an observer's bug goes to Verify, never to the client.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                extensions.Server!.ReportProblem($"The observer {observer.GetType().Name} threw {ex.GetType().Name} on the arrival of {request}: {ex.Message}");
            }
        }
    }

    private void Completed(RecordedRequest request)
    {
        onCompleted?.Invoke(request);
        foreach (var observer in extensions.Observers)
        {
            try
            {
                observer.OnExchangeCompleted(request, extensions.Server!);
            }
#pragma warning disable CA1031 // An observer's bug is reported to the test through Verify, never to the client or Kestrel.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                extensions.Server!.ReportProblem($"The observer {observer.GetType().Name} threw {ex.GetType().Name} on {request}: {ex.Message}");
            }
        }
    }

    // Drops the request's features, so a context waiting in the pool holds no request, response or body.
    public void DisposeContext(HttpContext context, Exception? exception) => (context as DefaultHttpContext)?.Uninitialize();
}
