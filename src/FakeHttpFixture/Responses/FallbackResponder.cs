using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>
/// The last stage: GET and HEAD of something that is not there get 404; any other method gets the configured default status.
/// In strict mode every request that reaches it gets <see cref="HttpFixtureOptions.UnmatchedStatusCode"/> and is marked unmatched.
/// </summary>
internal sealed class FallbackResponder(StubRegistry registry) : IResponder
{
    public string Name => "fallback";

    public async ValueTask<bool> TryRespondAsync(HttpContext context, RecordedRequest request)
    {
        var options = registry.Options;
        if (options.Strict)
        {
            request.Unmatched = true;
            registry.RecordUnmatched(request);
            context.Response.StatusCode = options.UnmatchedStatusCode;
            context.Response.ContentType = "text/plain; charset=utf-8";
            if (!HttpMethods.IsHead(request.Method))
            {
                try
                {
                    await context.Response.WriteAsync($"FakeHttpFixture (strict): no stub or file matches {request.Method} {request.Path}{request.QueryString}. Stub it with server.Stub(...), add the file, or leave Strict off.\n", context.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // The client went away; the request is reported by Verify all the same.
                }
            }

            return true;
        }

        context.Response.StatusCode = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            ? StatusCodes.Status404NotFound
            : options.DefaultStatusCode;
        return true;
    }
}
