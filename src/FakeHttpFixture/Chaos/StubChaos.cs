namespace FakeHttpFixture;

/// <summary>
/// The rate limits and chaos rules of one stub (<see cref="HttpStub.WithRateLimit(RateLimit)"/>, <see cref="HttpStub.WithChaos(Chaos)"/>),
/// applied to the requests the stub matches before its sequence answers. Immutable: adding a rule makes a new set, which the stub
/// swaps in whole, so the request path reads it without a lock.
/// </summary>
internal sealed class StubChaos
{
    private StubChaos(RateLimiter[] limiters, ChaosRule[] rules)
    {
        Limiters = limiters;
        Rules = rules;
    }

    public RateLimiter[] Limiters { get; }

    public ChaosRule[] Rules { get; }

    public static StubChaos Add(StubChaos? current, Chaos chaos, string stub)
    {
        ArgumentNullException.ThrowIfNull(chaos);
        ServerChaos.ThrowIfNoEffect(chaos, nameof(chaos));
        var rules = current?.Rules ?? [];
        return new StubChaos(current?.Limiters ?? [], [.. rules, new ChaosRule(chaos, ChaosRule.Salt(stub, rules.Length))]);
    }

    public static StubChaos Add(StubChaos? current, RateLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        return new StubChaos([.. current?.Limiters ?? [], new RateLimiter(limit)], current?.Rules ?? []);
    }

    /// <summary>Refuses or disrupts the request as the stub's limits and rules say; false leaves it to the stub's sequence.</summary>
    public async ValueTask<bool> TryAnswerAsync(ChaosPlayer chaos, Exchange exchange) =>
        (Limiters.Length != 0 && await chaos.TryRefuseAsync(Limiters, exchange).ConfigureAwait(false))
        || (Rules.Length != 0 && await chaos.TryDisruptAsync(Rules, exchange).ConfigureAwait(false));
}
