namespace FakeHttpFixture;

/// <summary>
/// Applies rate limits and chaos rules to an exchange, for the server-wide stages and for a stub alike: refuses a request over a
/// limit, answers a picked one with the rule's response, or holds it for the rule's delay and lets the usual answer go.
/// </summary>
/// <param name="player">Plays refusals and chaos answers as a stub's responses are played.</param>
/// <param name="seed">The server's chaos seed, for shares that have none of their own.</param>
/// <param name="stopping">Cancelled when the server starts to stop, which ends a chaos delay at once.</param>
internal sealed class ChaosPlayer(ResponsePlayer player, int seed, CancellationToken stopping)
{
    /// <summary>Refuses the request if one of <paramref name="limiters"/> says it is over its limit; otherwise adds their headers and returns false.</summary>
    public async ValueTask<bool> TryRefuseAsync(RateLimiter[] limiters, Exchange exchange)
    {
        foreach (var limiter in limiters)
        {
            if (limiter.TryTake(exchange.Request, out var standing))
            {
                limiter.AddHeaders(exchange.Context.Response.Headers, standing);
                continue;
            }

            exchange.NoteChaos(limiter.Limit.ToString());
            await player.PlayAsync(exchange, limiter.Refusal(standing, DateTimeOffset.UtcNow)).ConfigureAwait(false);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Lets every rule count the request and applies the first that picks it: returns true when the rule answered (or the client
    /// left during its delay), false when no rule picked the request or the rule only delayed it.
    /// </summary>
    public async ValueTask<bool> TryDisruptAsync(ChaosRule[] rules, Exchange exchange)
    {
        ChaosRule? picked = null;
        foreach (var rule in rules)
        {
            // Every rule counts every request, whether or not an earlier one picked it, so each rule's pattern stands on its own.
            if (rule.Picks(seed) && picked is null)
            {
                picked = rule;
            }
        }

        if (picked is null)
        {
            return false;
        }

        exchange.NoteChaos(picked.Describe(seed));
        var chaos = picked.Chaos;
        if (chaos.DelayBy is { } delay)
        {
            using var waits = CancellationTokenSource.CreateLinkedTokenSource(exchange.Aborted, stopping);
            try
            {
                await Task.Delay(delay, waits.Token).ConfigureAwait(false);
                return false;
            }
            catch (OperationCanceledException)
            {
                // The client gave up or the server is stopping during the delay: nobody reads an answer any more.
                exchange.Abort();
                return true;
            }
        }

        await player.PlayAsync(exchange, chaos.AnswerAt(DateTimeOffset.UtcNow)).ConfigureAwait(false);
        return true;
    }
}
