namespace FakeHttpFixture;

/// <summary>Answers with the stub that matches the request, the last added winning; a template's values become the request's route values.</summary>
internal sealed class StubResponder(StubRegistry stubs, ResponsePlayer player, ChaosPlayer chaos) : IResponder
{
    public ResponseSource Stage => ResponseSource.Stub;

    // Not async itself: when no stub matches, a process's first request compiles no state machine for this stage.
    public ValueTask<bool> TryRespondAsync(Exchange exchange)
    {
        var stub = stubs.Find(exchange.Request, out var routeValues);
        if (stub is null)
        {
            return new(false);
        }

        if (routeValues is not null)
        {
            exchange.Context.Request.RouteValues = routeValues;
        }

        return AnswerAsync(exchange, stub);
    }

    private async ValueTask<bool> AnswerAsync(Exchange exchange, HttpStub stub)
    {
        // A stub's rate limits and chaos rules come before its sequence; a stub without any pays one field read.
        if (stub.ChaosRules is { } rules && await rules.TryAnswerAsync(chaos, exchange).ConfigureAwait(false))
        {
            return true;
        }

        await player.PlayAsync(exchange, stub.TakeResponse()).ConfigureAwait(false);
        return true;
    }
}
