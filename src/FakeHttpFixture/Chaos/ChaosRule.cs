using System.Diagnostics;

namespace FakeHttpFixture;

/// <summary>
/// A <see cref="Chaos"/> rule at work in one place (the server, or one stub): it numbers the requests it sees and decides from the
/// number alone, so a share drawn from a seed picks the same numbers on every run, whatever the order of concurrent arrivals.
/// </summary>
/// <param name="chaos">The rule as the test described it.</param>
/// <param name="salt">Sets rules of the same seed apart, so two shares in two places do not pick the same numbers.</param>
internal sealed class ChaosRule(Chaos chaos, ulong salt)
{
    private long _count;
    private long _firstTimestamp;

    public Chaos Chaos => chaos;

    /// <summary>Counts the request and returns whether the rule picks it; every rule of a place counts every request it sees.</summary>
    public bool Picks(int serverSeed)
    {
        var number = Interlocked.Increment(ref _count);
        switch (chaos.Pick)
        {
            case ChaosPick.Share:
                return chaos.Fraction >= 1 || Draw(chaos.Seed ?? serverSeed, number) < chaos.Fraction;
            case ChaosPick.EveryNth:
                return number % chaos.Every == 0;
            case ChaosPick.BurstOfRequests:
                return number >= chaos.First && number - chaos.First < chaos.Count;
            default:
                var now = Stopwatch.GetTimestamp();
                var first = Interlocked.CompareExchange(ref _firstTimestamp, now, 0);
                var elapsed = first == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(first, now);
                return elapsed >= chaos.From && elapsed < chaos.Until;
        }
    }

    /// <summary>Returns the rule as the journal records it, with the seed a share was drawn from.</summary>
    public string Describe(int serverSeed) => chaos.Describe(chaos.Seed ?? serverSeed);

    /// <summary>Starts counting again from 1, so a server reset between tests gives each test the same pattern.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _firstTimestamp, 0);
    }

    /// <summary>Returns a stable salt for a place and a position, the same in every process (string.GetHashCode is not).</summary>
    public static ulong Salt(string place, int position)
    {
        // FNV-1a over the UTF-16 code units.
        var hash = 14695981039346656037UL;
        foreach (var c in place)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (hash ^ (ulong)position) * 1099511628211UL;
    }

    // SplitMix64 of (seed, salt, number): a uniform double in [0, 1) that depends on nothing else.
    private double Draw(int seed, long number)
    {
        var x = unchecked(((ulong)(uint)seed << 32) ^ salt ^ ((ulong)number * 0x9E3779B97F4A7C15UL));
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        return (x >> 11) * (1.0 / (1UL << 53));
    }
}
