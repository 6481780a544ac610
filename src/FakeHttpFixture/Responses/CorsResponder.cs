using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FakeHttpFixture;

/// <summary>
/// With <see cref="HttpFixtureOptions.EnableCors"/>: answers preflights itself and lets every other request through to the
/// next stage, adding the headers a browser needs to hand the response to the page. It allows any origin, method and header,
/// with credentials, because a test server has nothing to protect; it echoes the origin since "*" is refused with credentials.
/// </summary>
internal sealed class CorsResponder : IResponder
{
    private const string AllowedMethods = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    public ResponseSource Stage => ResponseSource.Cors;

    public ValueTask<bool> TryRespondAsync(Exchange exchange)
    {
        var context = exchange.Context;
        var request = exchange.Request;
        var headers = context.Request.Headers;
        var origin = headers.Origin;
        if (origin.Count == 0)
        {
            return ValueTask.FromResult(false);
        }

        var response = context.Response;
        if (HttpMethods.IsOptions(request.Method) && headers.AccessControlRequestMethod.Count != 0)
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            AddCommon(response, origin.ToString());
            response.Headers.AccessControlAllowMethods = AllowedMethods;
            var requested = headers.AccessControlRequestHeaders;
            if (requested.Count != 0)
            {
                response.Headers.AccessControlAllowHeaders = requested;
            }

            response.Headers.AccessControlMaxAge = "600";
            return ValueTask.FromResult(true);
        }

        // Added as the response starts, so the headers survive whatever the later stage sets or clears; the exchange notes them after.
        response.OnStarting(static state =>
        {
            var (http, allowed) = ((HttpResponse, string))state;
            AddCommon(http, allowed);
            http.Headers.AccessControlExposeHeaders = "*";
            return Task.CompletedTask;
        }, (response, origin.ToString()));
        return ValueTask.FromResult(false);
    }

    private static void AddCommon(HttpResponse response, string origin)
    {
        response.Headers.AccessControlAllowOrigin = origin;
        response.Headers.AccessControlAllowCredentials = "true";
        response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
    }
}
