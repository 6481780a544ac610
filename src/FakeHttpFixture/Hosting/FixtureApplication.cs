using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FakeHttpFixture;

/// <summary>
/// The application Kestrel calls for every request: record it, let the responders answer in turn, and note the status.
/// It is an <see cref="IHttpApplication{TContext}"/> of its own rather than a middleware pipeline: no host, no DI per request.
/// </summary>
internal sealed class FixtureApplication(RequestJournal journal, IReadOnlyList<IResponder> responders, Action<RecordedRequest>? onCompleted) : IHttpApplication<HttpContext>
{
    public InFlightRequests InFlight { get; } = new();

    public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

    public async Task ProcessRequestAsync(HttpContext context)
    {
        InFlight.Enter();
        try
        {
            await ProcessCoreAsync(context).ConfigureAwait(false);
        }
        finally
        {
            InFlight.Exit();
        }
    }

    private async Task ProcessCoreAsync(HttpContext context)
    {
        var timestamp = DateTimeOffset.UtcNow;
        var body = await RequestBodyReader.ReadAsync(context).ConfigureAwait(false);
        var request = RequestSnapshot.Create(context, timestamp, body);
        journal.Append(request);

        if (body.RejectedStatus != 0)
        {
            // Kestrel refused the body (over MaxRequestBodySize): answer with its status, recorded like any answer.
            request.StatusCode = body.RejectedStatus;
            context.Response.StatusCode = body.RejectedStatus;
            return;
        }

        if (body.IsAborted)
        {
            // The client went away, or sent a body Kestrel could not parse (a bad chunk size, too slow); Kestrel closes
            // the connection either way. A client still listening must get a 4xx, not the 200 an untouched response becomes.
            if (!context.RequestAborted.IsCancellationRequested && !context.Response.HasStarted)
            {
                var status = body.Failure is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
                request.StatusCode = status;
                context.Response.StatusCode = status;
            }

            return;
        }

        context.Response.OnStarting(static state =>
        {
            var (ctx, rec) = ((HttpContext, RecordedRequest))state;
            rec.StatusCode = ctx.Response.StatusCode;
            return Task.CompletedTask;
        }, (context, request));

        if (onCompleted is not null)
        {
            context.Response.OnCompleted(static state =>
            {
                var (callback, rec) = ((Action<RecordedRequest>, RecordedRequest))state;
                callback(rec);
                return Task.CompletedTask;
            }, (onCompleted, request));
        }

        foreach (var responder in responders)
        {
            if (await responder.TryRespondAsync(context, request).ConfigureAwait(false))
            {
                request.Responder = responder.Name;
                break;
            }
        }
    }

    public void DisposeContext(HttpContext context, Exception? exception)
    {
    }
}
