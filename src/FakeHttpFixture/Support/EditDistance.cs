namespace FakeHttpFixture;

/// <summary>Levenshtein distance, for ranking near misses; messages only, never on a request's path.</summary>
internal static class EditDistance
{
    // The first 64 characters are compared and the rest count by length: enough to rank "/order" next to "/orders",
    // cheap even over a long journal.
    public static int Of(string a, string b)
    {
        var s = a.AsSpan(0, Math.Min(a.Length, 64));
        var t = b.AsSpan(0, Math.Min(b.Length, 64));
        Span<int> previous = stackalloc int[t.Length + 1];
        Span<int> current = stackalloc int[t.Length + 1];
        for (var j = 0; j <= t.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= s.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= t.Length; j++)
            {
                var cost = s[i - 1] == t[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            current.CopyTo(previous);
        }

        return previous[t.Length] + Math.Abs(a.Length - s.Length - (b.Length - t.Length));
    }
}
