namespace FakeHttpFixture;

/// <summary>WireMock's <c>delayDistribution</c>: <c>uniform</c> (lower, upper) or <c>lognormal</c> (median, sigma), in milliseconds.</summary>
internal sealed record DelayDistribution(bool Uniform, double First, double Second)
{
    /// <summary>Draws one delay.</summary>
    public TimeSpan Sample()
    {
        if (Uniform)
        {
            return TimeSpan.FromMilliseconds(First + (Random.Shared.NextDouble() * (Second - First)));
        }

        // The median of a log-normal distribution is e^mu; a standard normal draw from two uniform ones (Box–Muller).
        var normal = Math.Sqrt(-2.0 * Math.Log(1.0 - Random.Shared.NextDouble())) * Math.Cos(2.0 * Math.PI * Random.Shared.NextDouble());
        return TimeSpan.FromMilliseconds(Math.Min(First * Math.Exp(Second * normal), TimeSpan.FromMinutes(10).TotalMilliseconds));
    }
}
