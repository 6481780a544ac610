using System.Globalization;
using System.Text;

namespace FakeHttpFixture;

/// <summary>
/// The check behind <see cref="RequestTimeline.ShouldHaveRespectedRetryAfter"/>: after every answer with a Retry-After, the client's
/// next request came no earlier than it said.
/// </summary>
internal static class RetryAfterAssertions
{
    // Client timers may run out a tick early against the server's clock; a client that did not wait at all is off by far more.
    internal static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(20);

    private static readonly TimelineHeader[] Shown = [TimelineHeader.Answered(RetryAfterHeader.Name)];

    public static void Respected(string subject, IReadOnlyList<RecordedRequest> requests, string? chaosNote)
    {
        const string expected = "Expected the client to wait at least what Retry-After said before each retry";
        var checkedAny = false;
        var problems = new StringBuilder();
        for (var i = 0; i + 1 < requests.Count; i++)
        {
            var answered = requests[i];
            var value = TimelineHeader.Answered(RetryAfterHeader.Name).ValueIn(answered);
            var answeredAt = answered.AnsweredAt ?? answered.Timestamp;
            if (!RetryAfterHeader.TryGetEarliestRetry(value, answeredAt, out var earliest))
            {
                continue;
            }

            checkedAny = true;
            var next = requests[i + 1];
            if (next.Timestamp < earliest - Tolerance)
            {
                problems.Append(CultureInfo.InvariantCulture,
                    $"\n  #{next.Sequence} came {TimelineText.Milliseconds(next.Timestamp - answeredAt)} after the answer to #{answered.Sequence}, which said Retry-After: {value}, {TimelineText.Milliseconds(earliest - answeredAt)} at the least.");
            }
        }

        if (!checkedAny)
        {
            throw TimelineText.Failure(
                $"{expected}, but no answer followed by another request carried a Retry-After header, so there was nothing to respect. Check that the server was set to send one (a rate limit, Chaos.Respond(503, retryAfter), or a stub's WithHeader(\"Retry-After\", …)).",
                subject, requests, Shown, chaosNote);
        }

        if (problems.Length != 0)
        {
            throw TimelineText.Failure($"{expected}, but it retried too early:{problems}", subject, requests, Shown, chaosNote);
        }
    }
}
