using System.Globalization;
using System.Text;

namespace FakeHttpFixture;

/// <summary>The checks behind the server's Should… assertions and the messages they fail with.</summary>
internal static class JournalAssertions
{
    private const int MaxListed = 20;

    public static IReadOnlyList<RecordedRequest> Received(IReadOnlyList<RecordedRequest> requests, RequestPattern pattern, int? times)
    {
        var matches = new List<RecordedRequest>();
        foreach (var request in requests)
        {
            if (pattern.Matches(request))
            {
                matches.Add(request);
            }
        }

        var ok = times is { } exact ? matches.Count == exact : matches.Count != 0;
        if (!ok)
        {
            var expected = times is { } n ? $"Expected {pattern.Description} to have been received {Times(n)}" : $"Expected {pattern.Description} to have been received";
            var actual = matches.Count == 0 ? (times is null ? "it was not" : "it was not received") : $"it was received {Times(matches.Count)}";
            var message = requests.Count == 0
                ? $"{expected}, but no requests were received at all."
                : $"{expected}, but {actual}. Received {requests.Count}, {Order(pattern, matches.Count)}:{List(requests, pattern)}";
            throw new HttpFixtureAssertionException(message);
        }

        foreach (var match in matches)
        {
            match.Checked = true;
        }

        return matches;
    }

    public static void Nothing(IReadOnlyList<RecordedRequest> requests)
    {
        if (requests.Count != 0)
        {
            throw new HttpFixtureAssertionException($"Expected no requests, but received {requests.Count}:{List(requests, null)}");
        }
    }

    public static void NothingElse(IReadOnlyList<RecordedRequest> requests)
    {
        var unchecked_ = new List<RecordedRequest>();
        foreach (var request in requests)
        {
            if (!request.Checked)
            {
                unchecked_.Add(request);
            }
        }

        if (unchecked_.Count != 0)
        {
            var verb = unchecked_.Count == 1 ? "was" : "were";
            throw new HttpFixtureAssertionException(
                $"Expected no requests beyond those the test checked, but {unchecked_.Count} of {requests.Count} {verb} not checked by a ShouldHaveReceived, wait or take:{List(unchecked_, null)}");
        }
    }

    private static string Order(RequestPattern pattern, int matches) =>
        pattern.CanRank ? "nearest match first" : matches != 0 ? "matches first" : "in arrival order";

    private static string Times(int n) => n == 1 ? "once" : string.Create(CultureInfo.InvariantCulture, $"{n} times");

    private static string List(IReadOnlyList<RecordedRequest> requests, RequestPattern? pattern)
    {
        IEnumerable<RecordedRequest> ordered = requests;
        if (pattern is not null)
        {
            var distances = new Dictionary<RecordedRequest, int>(requests.Count);
            foreach (var request in requests)
            {
                distances[request] = pattern.Distance(request);
            }

            ordered = requests.OrderBy(r => distances[r]).ThenBy(r => r.Sequence);
        }

        var text = new StringBuilder();
        var listed = 0;
        foreach (var request in ordered)
        {
            if (listed++ == MaxListed)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n  … and {requests.Count - MaxListed} more; JournalSummary() lists them all.");
                break;
            }

            text.Append("\n  ").Append(request);
            if (pattern is not null && pattern.Matches(request))
            {
                text.Append("  (matches)");
            }
        }

        return text.ToString();
    }
}
