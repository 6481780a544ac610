using System.Globalization;
using System.Text;

namespace FakeHttpFixture;

/// <summary>
/// The checks behind <see cref="RequestTimeline.ShouldHaveReusedConnections"/> and <see cref="RequestTimeline.ShouldHaveUsedNewConnections"/>:
/// whether the client sent its requests over a connection it had open, or opened one for each.
/// </summary>
internal static class ConnectionAssertions
{
    private static readonly TimelineHeader[] Shown = [TimelineHeader.Sent("Connection"), TimelineHeader.Answered("Connection")];

    public static void Reused(string subject, IReadOnlyList<RecordedRequest> requests, string? chaosNote)
    {
        const string expected = "Expected every request after the first to come over a connection an earlier one had used";
        ThrowIfTooFew(expected, subject, requests, chaosNote);
        var seen = new HashSet<string>(StringComparer.Ordinal) { requests[0].ConnectionId };
        var problems = new StringBuilder();
        foreach (var request in requests.Skip(1))
        {
            if (!seen.Add(request.ConnectionId))
            {
                continue;
            }

            problems.Append(CultureInfo.InvariantCulture, $"\n  #{request.Sequence} came over a new connection, {request.ConnectionId}.");
        }

        if (problems.Length != 0)
        {
            throw TimelineText.Failure($"{expected}, but not all did:{problems}", subject, requests, Shown, chaosNote);
        }
    }

    public static void New(string subject, IReadOnlyList<RecordedRequest> requests, string? chaosNote)
    {
        const string expected = "Expected every request to come over a new connection";
        ThrowIfTooFew(expected, subject, requests, chaosNote);
        var first = new Dictionary<string, long>(StringComparer.Ordinal);
        var problems = new StringBuilder();
        foreach (var request in requests)
        {
            if (first.TryAdd(request.ConnectionId, request.Sequence))
            {
                continue;
            }

            problems.Append(CultureInfo.InvariantCulture, $"\n  #{request.Sequence} came over connection {request.ConnectionId} again, which #{first[request.ConnectionId]} had opened.");
        }

        if (problems.Length != 0)
        {
            throw TimelineText.Failure($"{expected}, but some reused one:{problems}", subject, requests, Shown, chaosNote);
        }
    }

    private static void ThrowIfTooFew(string expected, string subject, IReadOnlyList<RecordedRequest> requests, string? chaosNote)
    {
        if (requests.Count < 2)
        {
            throw TimelineText.Failure($"{expected}, but there was {TimelineText.Count(requests.Count)}: it takes 2 or more.", subject, requests, Shown, chaosNote);
        }
    }
}
