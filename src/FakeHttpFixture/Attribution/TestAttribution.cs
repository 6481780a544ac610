using System.Diagnostics;

namespace FakeHttpFixture;

/// <summary>What a request's W3C headers say about the test that caused it: the baggage entry names the test, the trace is the fallback.</summary>
internal sealed record TestAttribution(string? Id, string? Name, string? TraceId)
{
    private static readonly TestAttribution None = new(null, null, null);

    public static TestAttribution Of(string? traceparent, string? baggage)
    {
        var traceId = TraceIdOf(traceparent);
        if (traceId is null && baggage is null)
        {
            return None;
        }

        var id = BaggageValue(baggage, TestScope.BaggageKey);
        var scope = TestScope.Find(id);
        if (scope is null && id is null && traceId is not null)
        {
            scope = TestScope.FindByTrace(ActivityTraceId.CreateFromString(traceId));
        }

        return new TestAttribution(scope?.Id ?? id, scope?.Name ?? id, traceId);
    }

    /// <summary>Returns the trace id of a version-00 <c>traceparent</c> ("00-TRACE-SPAN-FLAGS"), or <see langword="null"/> when it is malformed or all zeros.</summary>
    public static string? TraceIdOf(string? traceparent)
    {
        if (traceparent is null || traceparent.Length < 55 || traceparent[2] != '-' || traceparent[35] != '-')
        {
            return null;
        }

        var trace = traceparent.AsSpan(3, 32);
        if (!trace.ContainsAnyExcept("0123456789abcdef") && trace.ContainsAnyExcept('0'))
        {
            return trace.ToString();
        }

        return null;
    }

    /// <summary>Returns the percent-decoded value of <paramref name="key"/> in a W3C baggage header ("k1=v1;prop, k2=v2"), or <see langword="null"/>.</summary>
    public static string? BaggageValue(string? baggage, string key)
    {
        if (baggage is null)
        {
            return null;
        }

        foreach (var member in baggage.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = member.Split(';', 2)[0];
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair.AsSpan(0, equals).Trim().SequenceEqual(key))
            {
                var value = Uri.UnescapeDataString(pair[(equals + 1)..].Trim());
                return value.Length == 0 ? null : value;
            }
        }

        return null;
    }
}
