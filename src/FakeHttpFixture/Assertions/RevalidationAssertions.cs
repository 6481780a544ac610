using System.Globalization;
using System.Text;

namespace FakeHttpFixture;

/// <summary>
/// The check behind <see cref="RequestTimeline.ShouldHaveRevalidated"/>: after an answer with an ETag the client's next request sent
/// If-None-Match with it, and after one with only a Last-Modified, If-Modified-Since.
/// </summary>
internal static class RevalidationAssertions
{
    private static readonly TimelineHeader[] Shown =
    [
        TimelineHeader.Sent("If-None-Match"), TimelineHeader.Sent("If-Modified-Since"), TimelineHeader.Answered("ETag"), TimelineHeader.Answered("Last-Modified"),
    ];

    public static void Revalidated(string subject, IReadOnlyList<RecordedRequest> requests, string? chaosNote)
    {
        const string expected = "Expected the client to revalidate what it had: If-None-Match after an ETag, If-Modified-Since after a Last-Modified";
        var checkedAny = false;
        var problems = new StringBuilder();
        for (var i = 0; i + 1 < requests.Count; i++)
        {
            var answered = requests[i];
            var next = requests[i + 1];
            if (TimelineHeader.Answered("ETag").ValueIn(answered) is { } etag)
            {
                checkedAny = true;
                var sent = next.Header("If-None-Match");
                if (sent is null || !sent.Contains(etag, StringComparison.Ordinal))
                {
                    problems.Append(CultureInfo.InvariantCulture, $"\n  #{next.Sequence} sent {(sent is null ? "no If-None-Match" : $"If-None-Match: {sent}")} after #{answered.Sequence} answered ETag: {etag}.");
                }
            }
            else if (TimelineHeader.Answered("Last-Modified").ValueIn(answered) is { } modified)
            {
                checkedAny = true;
                if (next.Header("If-Modified-Since") is null)
                {
                    problems.Append(CultureInfo.InvariantCulture, $"\n  #{next.Sequence} sent no If-Modified-Since after #{answered.Sequence} answered Last-Modified: {modified}.");
                }
            }
        }

        if (!checkedAny)
        {
            throw TimelineText.Failure(
                $"{expected}, but no answer followed by another request carried an ETag or Last-Modified, so there was nothing to revalidate.",
                subject, requests, Shown, chaosNote);
        }

        if (problems.Length != 0)
        {
            throw TimelineText.Failure($"{expected}, but it did not:{problems}", subject, requests, Shown, chaosNote);
        }
    }
}
