using System.Globalization;
using System.Text;

namespace FakeHttpFixture;

/// <summary>
/// The checks behind the server's Should… assertions, and the one form every failure of the journal takes, waits and takes
/// included: what was expected, what happened, then what arrived, nearest match first.
/// </summary>
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
            throw new HttpFixtureAssertionException(Failure(requests, pattern, times, matches.Count, within: null));
        }

        foreach (var match in matches)
        {
            match.Checked = true;
        }

        return matches;
    }

    /// <summary>
    /// Returns "Expected {pattern} to have been received [n times] [within t], but …. Received n, nearest match first:" and the
    /// list; <paramref name="times"/> is null for "at least once".
    /// </summary>
    public static string Failure(IReadOnlyList<RecordedRequest> requests, RequestPattern pattern, int? times, int matched, TimeSpan? within)
    {
        var expected = new StringBuilder().Append("Expected ").Append(pattern.Description).Append(" to have been received");
        if (times is { } n)
        {
            expected.Append(' ').Append(Times(n));
        }

        if (within is { } timeout)
        {
            expected.Append(" within ").Append(JournalText.Duration(timeout));
        }

        var actual = matched == 0 ? (times is null ? "it was not" : "it was not received") : $"it was received {Times(matched)}";
        return requests.Count == 0
            ? $"{expected}, but no requests were received at all."
            : $"{expected}, but {actual}. Received {requests.Count}, {Order(pattern, matched)}:{List(requests, pattern)}";
    }

    /// <summary>Returns the failure of a take that timed out: every request received was taken already.</summary>
    public static string TakeFailure(IReadOnlyList<RecordedRequest> requests, TimeSpan within)
    {
        var expected = $"Expected a request not yet taken to have been received within {JournalText.Duration(within)}";
        return requests.Count == 0
            ? $"{expected}, but no requests were received at all."
            : $"{expected}, but it was not. Received {requests.Count}, all taken already:{List(requests, null)}";
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
        Dictionary<RecordedRequest, int>? distances = null;
        if (pattern is not null)
        {
            distances = new Dictionary<RecordedRequest, int>(requests.Count);
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
            if (distances is not null && distances[request] == 0)
            {
                text.Append("  (matches)");
            }
        }

        return text.ToString();
    }
}
