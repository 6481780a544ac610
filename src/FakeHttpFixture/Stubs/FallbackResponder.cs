using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>
/// The last stage, for what nothing else answered: GET and HEAD get 404, as from any file server, and other methods get
/// <see cref="HttpFixtureOptions.FallbackStatusCode"/>, so that code posting to the fixture just works. In strict mode every
/// such request gets 501 with its miss report (the nearest stubs, condition by condition) as the body, and Verify reports it.
/// </summary>
internal sealed class FallbackResponder(bool strict, int fallbackStatusCode, ProblemLog problems, StubRegistry stubs, int reportedStubs, Func<RecordedRequest, string>? replay = null) : IResponder
{
    public ResponseSource Stage => ResponseSource.Fallback;

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

        // The report is built here, on the miss, against the stubs of this moment: a request a stub or file answers never pays for it.
        var report = MissReport.Write(request, stubs.All, reportedStubs, MissReport.Unanswered(request, StatusCodes.Status501NotImplemented, replay is not null), replay?.Invoke(request));
        problems.Unmatched(request, report);
        response.StatusCode = StatusCodes.Status501NotImplemented;
        response.ContentType = "text/plain; charset=utf-8";
        if (!HttpMethods.IsHead(request.Method))
        {
            try
            {
                await response.WriteAsync($"FakeHttpFixture (strict): {report}\nStub it with server.Stub(...), add the file, or leave Strict off.\n", exchange.Aborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The client went away; the request is reported by Verify all the same.
            }
        }

        return true;
    }
}
