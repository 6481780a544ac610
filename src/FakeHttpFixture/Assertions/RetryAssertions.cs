using System.Globalization;
using System.Text;

namespace FakeHttpFixture;

/// <summary>The checks behind <see cref="RequestTimeline.ShouldHaveRetried(int)"/> and <see cref="RequestTimeline.ShouldHaveBackedOff"/>: how often the client tried, and how long it waited between tries.</summary>
internal static class RetryAssertions
{
    private static readonly TimelineHeader[] Shown = [TimelineHeader.Answered(RetryAfterHeader.Name)];

    public static void Retried(string subject, IReadOnlyList<RecordedRequest> requests, int times, string? chaosNote)
    {
        if (requests.Count == times + 1)
        {
            return;
        }

        var actual = requests.Count switch
        {
            0 => "it was never sent",
            1 => "it was sent once and not retried",
            _ => string.Create(CultureInfo.InvariantCulture, $"it was sent {requests.Count} times (retried {Times(requests.Count - 1)})"),
        };
        throw TimelineText.Failure(
            $"Expected {subject} to have been retried {Times(times)} ({TimelineText.Count(times + 1)} in all), but {actual}.",
            subject, requests, Shown, chaosNote);
    }

    public static void BackedOff(string subject, IReadOnlyList<RecordedRequest> requests, string? chaosNote)
    {
        const string expected = "Expected the waits between the requests to grow, each 10% and 5 ms longer than the one before at the least (from an answer going out to the next request)";
        if (requests.Count < 3)
        {
            throw TimelineText.Failure(
                $"{expected}, but there were {TimelineText.Count(requests.Count)}: it takes 3 or more, two waits, to see a wait grow.",
                subject, requests, Shown, chaosNote);
        }

        var problems = new StringBuilder();
        for (var i = 2; i < requests.Count; i++)
        {
            var before = Wait(requests[i - 2], requests[i - 1]);
            var wait = Wait(requests[i - 1], requests[i]);
            if (!Grew(before, wait))
            {
                problems.Append(CultureInfo.InvariantCulture,
                    $"\n  #{requests[i].Sequence} came {TimelineText.Milliseconds(wait)} after the answer to #{requests[i - 1].Sequence}, not 10% and 5 ms longer than the {TimelineText.Milliseconds(before)} before it.");
            }
        }

        if (problems.Length != 0)
        {
            throw TimelineText.Failure($"{expected}, but they did not:{problems}", subject, requests, Shown, chaosNote);
        }
    }

    // The client's wait runs from the moment the answer went out (as ShouldHaveRespectedRetryAfter counts it) to the next request.
    // Counted from the earlier request's arrival instead, a wait also held the time the server took to answer (116 ms for a first
    // answer in a run on a busy 2-core machine), and one slow answer made the next, longer wait look as if it had not grown.
    private static TimeSpan Wait(RecordedRequest answered, RecordedRequest next) => next.Timestamp - (answered.AnsweredAt ?? answered.Timestamp);

    // A wait grows by 10% and 5 ms at the least: timing noise on a busy machine then never makes a client that waits the same
    // each time (or not at all) look as if it backed off.
    private static bool Grew(TimeSpan before, TimeSpan wait) => wait >= before * 1.1 && wait - before >= TimeSpan.FromMilliseconds(5);

    private static string Times(int n) => n switch
    {
        0 => "0 times",
        1 => "once",
        _ => string.Create(CultureInfo.InvariantCulture, $"{n} times"),
    };
}
