namespace FakeHttpFixture;

/// <summary>Answers with the stub that matches the request, the last added winning; a template's values become the request's route values.</summary>
internal sealed class StubResponder(StubRegistry stubs, ResponsePlayer player) : IResponder
{
    public Responder Stage => Responder.Stub;

    public async ValueTask<bool> TryRespondAsync(Exchange exchange)
    {
        var stub = stubs.Find(exchange.Request, out var routeValues);
        if (stub is null)
        {
            return false;
        }

        if (routeValues is not null)
        {
            exchange.Context.Request.RouteValues = routeValues;
        }

        await player.PlayAsync(exchange, stub.TakeResponse()).ConfigureAwait(false);
        return true;
    }
}
