using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>The last stage: GET and HEAD of something that is not there get 404; any other method gets the configured default status.</summary>
internal sealed class FallbackResponder(int defaultStatusCode) : IResponder
{
    public string Name => "fallback";

    public ValueTask<bool> TryRespondAsync(HttpContext context, RecordedRequest request)
    {
        context.Response.StatusCode = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            ? StatusCodes.Status404NotFound
            : defaultStatusCode;
        return ValueTask.FromResult(true);
    }
}
