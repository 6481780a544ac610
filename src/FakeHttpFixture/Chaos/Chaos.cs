using System.Globalization;

namespace FakeHttpFixture;

/// <summary>
/// Describes a chaos rule: which requests it picks (a share drawn from a seed, every Nth, or a burst) and what they get instead of
/// their usual answer (a status, any <see cref="StubResponse"/> with its faults and delays, or only a delay before the usual answer).
/// Give it to <see cref="HttpFixtureOptions.AddChaos(Chaos)"/> for every request of the server, or to
/// <see cref="HttpStub.WithChaos(Chaos)"/> for the requests one stub matches. Instances are immutable: each method returns a copy.
/// </summary>
/// <remarks>
/// A rule counts the requests it sees, 1, 2, 3 …, and decides from that number alone (and, for a share, the seed), so the same seed
/// gives the same pattern on every run, whatever the timing. A share without a seed of its own uses the server's
/// <see cref="HttpFixtureServer.ChaosSeed"/>, which failure messages print.
/// </remarks>
public sealed class Chaos
{
    private Chaos(ChaosPick pick)
    {
        Pick = pick;
    }

    internal ChaosPick Pick { get; }

    internal double Fraction { get; private init; }

    internal int Every { get; private init; }

    internal int First { get; private init; }

    internal int Count { get; private init; }

    internal TimeSpan From { get; private init; }

    internal TimeSpan Until { get; private init; }

    internal int? Seed { get; private set; }

    internal StubResponse? Answer { get; private set; }

    internal TimeSpan? RetryAfter { get; private set; }

    internal RetryAfterFormat RetryAfterFormat { get; private set; }

    internal TimeSpan? DelayBy { get; private set; }

    internal bool HasEffect => Answer is not null || DelayBy is not null;

    /// <summary>Picks about <paramref name="fraction"/> of the requests, each drawn on its own from the seed: 0.3 picks about 30%.</summary>
    /// <param name="fraction">The share, from 0 (none) to 1 (all).</param>
    /// <returns>The rule; say what the picked requests get with <see cref="Respond(int)"/> or <see cref="Delay(TimeSpan)"/>.</returns>
    public static Chaos Share(double fraction)
    {
        if (double.IsNaN(fraction) || fraction is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "A share is a fraction from 0 to 1, such as 0.3 for 30% of the requests.");
        }

        return new Chaos(ChaosPick.Share) { Fraction = fraction };
    }

    /// <summary>Picks every <paramref name="n"/>th request the rule sees: the nth, the 2nth, and so on.</summary>
    /// <param name="n">The period, at least 1 (every request).</param>
    /// <returns>The rule.</returns>
    public static Chaos EveryNth(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        return new Chaos(ChaosPick.EveryNth) { Every = n };
    }

    /// <summary>Picks a burst of <paramref name="count"/> requests in a row, from the request numbered <paramref name="first"/> (the rule counts from 1).</summary>
    /// <param name="first">The number of the first request of the burst, at least 1.</param>
    /// <param name="count">How many requests in a row, at least 1.</param>
    /// <returns>The rule.</returns>
    public static Chaos Burst(int first, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(first, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return new Chaos(ChaosPick.BurstOfRequests) { First = first, Count = count };
    }

    /// <summary>
    /// Picks the requests that arrive in a window of time, from <paramref name="start"/> after the first request the rule sees, for
    /// <paramref name="duration"/>: an outage, to test a circuit breaker. Unlike the other picks it depends on timing.
    /// </summary>
    /// <param name="start">When the window opens, after the rule's first request; zero opens it with that request.</param>
    /// <param name="duration">How long the window stays open; more than zero.</param>
    /// <returns>The rule.</returns>
    public static Chaos Burst(TimeSpan start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(start, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        return new Chaos(ChaosPick.BurstOfTime) { From = start, Until = start + duration };
    }

    /// <summary>Returns a copy whose picked requests get <paramref name="response"/>: any status, body, delay or fault a stub can answer with.</summary>
    /// <param name="response">The answer, such as <c>StubResponse.ResetConnection()</c>.</param>
    /// <returns>The copy.</returns>
    public Chaos Respond(StubResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var copy = Copy();
        copy.Answer = response;
        copy.RetryAfter = null;
        copy.DelayBy = null;
        return copy;
    }

    /// <summary>Returns a copy whose picked requests get <paramref name="statusCode"/> with an empty body.</summary>
    /// <param name="statusCode">The HTTP status code, such as 503.</param>
    /// <returns>The copy.</returns>
    public Chaos Respond(int statusCode) => Respond(StubResponse.Status(statusCode));

    /// <summary>Returns a copy whose picked requests get <paramref name="statusCode"/> with a Retry-After header telling the client to wait <paramref name="retryAfter"/>.</summary>
    /// <param name="statusCode">The HTTP status code, usually 503 or 429.</param>
    /// <param name="retryAfter">How long the client is told to wait; sent rounded up to whole seconds.</param>
    /// <param name="format">Seconds ("Retry-After: 2"), the default, or an HTTP date computed when the answer is sent.</param>
    /// <returns>The copy.</returns>
    public Chaos Respond(int statusCode, TimeSpan retryAfter, RetryAfterFormat format = RetryAfterFormat.Seconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Give RetryAfterFormat.Seconds or RetryAfterFormat.HttpDate.");
        }

        var copy = Respond(StubResponse.Status(statusCode));
        copy.RetryAfter = retryAfter;
        copy.RetryAfterFormat = format;
        return copy;
    }

    /// <summary>Returns a copy that holds each picked request for <paramref name="delay"/> and then lets it be answered as usual: a slow server, now and then.</summary>
    /// <param name="delay">The wait; it ends early when the client gives up or the server stops.</param>
    /// <returns>The copy.</returns>
    public Chaos Delay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        var copy = Copy();
        copy.Answer = null;
        copy.RetryAfter = null;
        copy.DelayBy = delay;
        return copy;
    }

    /// <summary>Returns a copy that draws a <see cref="Share(double)"/> from <paramref name="seed"/> instead of the server's <see cref="HttpFixtureServer.ChaosSeed"/>.</summary>
    /// <param name="seed">The seed; the same seed picks the same request numbers on every run.</param>
    /// <returns>The copy.</returns>
    public Chaos WithSeed(int seed)
    {
        var copy = Copy();
        copy.Seed = seed;
        return copy;
    }

    /// <summary>Returns what the rule picks and what those requests get, such as "every 3rd request → 503" or "30% of requests (seed 7) → ResetConnection".</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Describe(Seed);

    internal string Describe(int? seed)
    {
        var seedText = seed is { } s && Pick == ChaosPick.Share ? string.Create(CultureInfo.InvariantCulture, $" (seed {s})") : string.Empty;
        var effect = DelayBy is { } delay ? $"delayed {JournalText.Duration(delay)}"
            : RetryAfter is { } wait ? $"{Answer} with Retry-After {JournalText.Duration(wait)}{(RetryAfterFormat == RetryAfterFormat.HttpDate ? " (HTTP date)" : string.Empty)}"
            : Answer?.ToString() ?? "nothing yet: give it Respond(…) or Delay(…)";
        return $"{Picks()}{seedText} → {effect}";
    }

    /// <summary>Returns the answer for a picked request, with a Retry-After computed at <paramref name="now"/> when the rule sends one.</summary>
    internal StubResponse AnswerAt(DateTimeOffset now) =>
        RetryAfter is { } wait ? Answer!.WithHeader(RetryAfterHeader.Name, RetryAfterHeader.Format(wait, RetryAfterFormat, now)) : Answer!;

    private string Picks() => Pick switch
    {
        ChaosPick.Share => string.Create(CultureInfo.InvariantCulture, $"{Fraction * 100:0.##}% of requests"),
        ChaosPick.EveryNth => Every == 1 ? "every request" : $"every {Ordinal(Every)} request",
        ChaosPick.BurstOfRequests => Count == 1
            ? string.Create(CultureInfo.InvariantCulture, $"request {First}")
            : string.Create(CultureInfo.InvariantCulture, $"requests {First} to {(long)First + Count - 1}"),
        _ => $"requests from {JournalText.Duration(From)} to {JournalText.Duration(Until)} after the first",
    };

    private static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return string.Create(CultureInfo.InvariantCulture, $"{n}{suffix}");
    }

    private Chaos Copy() => (Chaos)MemberwiseClone();
}
