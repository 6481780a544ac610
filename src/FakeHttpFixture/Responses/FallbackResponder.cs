using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>
/// The last stage, for what nothing else answered: GET and HEAD get 404, as from any file server, and other methods get
/// <see cref="HttpFixtureOptions.FallbackStatusCode"/>, so that code posting to the fixture just works. In strict mode every
/// such request gets 501 with a sentence saying what to do, and is reported by Verify.
/// </summary>
internal sealed class FallbackResponder(bool strict, int fallbackStatusCode, ProblemLog problems) : IResponder
{
    public Responder Stage => Responder.Fallback;

    public async ValueTask<bool> TryRespondAsync(Exchange exchange)
    {
        var request = exchange.Request;
        var response = exchange.Context.Response;
        if (!strict)
        {
            response.StatusCode = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
                ? StatusCodes.Status404NotFound
                : fallbackStatusCode;
            return true;
        }

        exchange.MarkUnmatched();
        problems.Unmatched(request, $"#{request.Sequence} {request.Method} {request.Path}{request.QueryString} matched no stub or file and was answered {StatusCodes.Status501NotImplemented}.");
        response.StatusCode = StatusCodes.Status501NotImplemented;
        response.ContentType = "text/plain; charset=utf-8";
        if (!HttpMethods.IsHead(request.Method))
        {
            try
            {
                await response.WriteAsync($"FakeHttpFixture (strict): no stub or file matches {request.Method} {request.Path}{request.QueryString}. Stub it with server.Stub(...), add the file, or leave Strict off.\n", exchange.Aborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The client went away; the request is reported by Verify all the same.
            }
        }

        return true;
    }
}
