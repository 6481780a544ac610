namespace FakeHttpFixture;

/// <summary>Refuses requests over the server-wide rate limits (<see cref="HttpFixtureOptions.AddRateLimit(RateLimit)"/>); in the chain only when the options set one.</summary>
internal sealed class RateLimitResponder(RateLimiter[] limiters, ChaosPlayer chaos) : IResponder
{
    public ResponseSource Stage => ResponseSource.RateLimit;

    public ValueTask<bool> TryRespondAsync(Exchange exchange) => chaos.TryRefuseAsync(limiters, exchange);
}
