using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>Answers with the stub that matches the request, the last added winning; a template's values become the request's route values.</summary>
internal sealed class StubResponder(StubRegistry registry) : IResponder
{
    public string Name => "stub";

    public async ValueTask<bool> TryRespondAsync(HttpContext context, RecordedRequest request)
    {
        var stub = registry.Find(request, out var routeValues);
        if (stub is null)
        {
            return false;
        }

        if (routeValues is not null)
        {
            context.Request.RouteValues = routeValues;
        }

        await StubResponseWriter.WriteAsync(context, request, stub.TakeResponse(), registry).ConfigureAwait(false);
        return true;
    }
}
