using System.Globalization;
using System.Text;

namespace FakeHttpFixture;

/// <summary>
/// The paragraph of a miss report about the replayed HAR files: how many entries they hold, and the entry nearest to the request,
/// condition by condition (method, path, query, body), each marked ✓ or ✗ as the stubs' are.
/// </summary>
internal static class ReplayMissReport
{
    public static string Write(RecordedRequest request, IReadOnlyList<HarEntry> entries)
    {
        if (entries.Count == 0)
        {
            return "The replayed HAR files hold no entry that can be replayed.";
        }

        var query = request.QueryString.Length == 0 ? string.Empty : HarUrl.NormalizeQuery(request.QueryString);
        var nearest = entries.OrderByDescending(e => Score(e, request, query)).ThenBy(e => e.Number).First();
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"The replayed HAR files hold {entries.Count} entr{(entries.Count == 1 ? "y" : "ies")}; none answers it. The nearest, entry {nearest.Number} of '{Path.GetFileName(nearest.File)}': {nearest.Method} {nearest.Path}{(nearest.RawQuery.Length == 0 ? string.Empty : "?" + nearest.RawQuery)}"));
        Line(text, nearest.Method == request.Method, $"method {nearest.Method}", $"method: the entry has {nearest.Method}, the request {request.Method}");
        Line(text, nearest.Path == request.Path, $"path {nearest.Path}", $"path: the entry has {nearest.Path}, the request {request.Path}");
        Line(text, nearest.Query == query, nearest.RawQuery.Length == 0 ? "no query" : $"query {nearest.RawQuery}", $"query: the entry has {Shown(nearest.RawQuery)}, the request {Shown(request.QueryString.TrimStart('?'))} (parameters compared decoded, in any order)");
        if (nearest.Method == request.Method && nearest.Path == request.Path && nearest.Query == query)
        {
            text.Append("\n  ✗ body: the entries for this request differ by request body, and none has the body it sent");
        }

        return text.ToString();
    }

    private static int Score(HarEntry entry, RecordedRequest request, string query)
    {
        var score = entry.Path == request.Path ? 8 : 0;
        score += entry.Method == request.Method ? 4 : 0;
        if (entry.Query == query)
        {
            return score + 2;
        }

        // Parameters in common count a little, so "?a=1&b=2" is nearer "?a=1&b=3" than "?c=9" is.
        var mine = entry.Query.Split('\u0001', StringSplitOptions.RemoveEmptyEntries);
        var theirs = query.Split('\u0001', StringSplitOptions.RemoveEmptyEntries);
        return score + (mine.Intersect(theirs, StringComparer.Ordinal).Any() ? 1 : 0);
    }

    private static void Line(StringBuilder text, bool matches, string yes, string no) => text.Append("\n  ").Append(matches ? "✓ " + yes : "✗ " + no);

    private static string Shown(string query) => query.Length == 0 ? "no query" : query;
}
