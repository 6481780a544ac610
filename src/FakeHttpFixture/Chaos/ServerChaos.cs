using System.Globalization;
using System.Text;

namespace FakeHttpFixture;

/// <summary>
/// The server's chaos seed, its server-wide rate limits and chaos rules, built once at start from the options, and the note that
/// failure messages end with, so a failing test prints the seed that replays its pattern.
/// </summary>
internal sealed class ServerChaos
{
    /// <summary>The environment variable that gives the seed when the options give none, to replay a failing run without changing code.</summary>
    public const string SeedVariable = "FAKEHTTP_CHAOS_SEED";

    /// <param name="seed">The seed the options give, or null for the environment's or a random one.</param>
    /// <param name="limits">The server-wide rate limits.</param>
    /// <param name="rules">The server-wide chaos rules.</param>
    public ServerChaos(int? seed, IEnumerable<RateLimit> limits, IEnumerable<Chaos> rules)
    {
        Seed = seed ?? SeedFromEnvironment() ?? Random.Shared.Next();
        Limiters = [.. limits.Select(limit => new RateLimiter(limit))];
        Rules = [.. rules.Select((chaos, i) => new ChaosRule(chaos, ChaosRule.Salt("server", i)))];
    }

    public int Seed { get; }

    public RateLimiter[] Limiters { get; }

    public ChaosRule[] Rules { get; }

    /// <summary>Returns the seed in <see cref="SeedVariable"/>; null when it is not set, or not a whole number (which the options' validation reports).</summary>
    public static int? SeedFromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed) ? seed : null;

    public static void ThrowIfNoEffect(Chaos chaos, string parameter)
    {
        if (!chaos.HasEffect)
        {
            throw new ArgumentException($"The chaos rule \"{chaos}\" says which requests it picks but not what they get: add .Respond(503), .Respond(StubResponse.ResetConnection()) or .Delay(TimeSpan.FromSeconds(1)).", parameter);
        }
    }

    /// <summary>Starts every server-wide rule and limit afresh: counts from 1 and full quotas, so each test of a shared server sees the same pattern.</summary>
    public void Reset()
    {
        foreach (var limiter in Limiters)
        {
            limiter.Reset();
        }

        foreach (var rule in Rules)
        {
            rule.Reset();
        }
    }

    /// <summary>Returns the seed and every rule and limit of the server and its stubs, for failure messages; null when there are none.</summary>
    /// <param name="stubs">Each stub that has rules of its own, with the name failure messages give it.</param>
    public string? Note(IEnumerable<(string Stub, StubChaos Chaos)> stubs)
    {
        var lines = new List<string>();
        Describe("server", Limiters, Rules, lines);
        foreach (var (stub, chaos) in stubs)
        {
            Describe(stub, chaos.Limiters, chaos.Rules, lines);
        }

        if (lines.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Chaos seed {Seed} (HttpFixtureOptions.ChaosSeed = {Seed}, or {SeedVariable}={Seed}, replays it); rules:");
        foreach (var line in lines)
        {
            text.Append("\n  ").Append(line);
        }

        return text.ToString();
    }

    private void Describe(string place, RateLimiter[] limiters, ChaosRule[] rules, List<string> lines)
    {
        foreach (var limiter in limiters)
        {
            lines.Add($"{place}: rate limit {limiter.Limit}");
        }

        foreach (var rule in rules)
        {
            lines.Add($"{place}: chaos {rule.Describe(Seed)}");
        }
    }
}
