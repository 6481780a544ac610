using System.Globalization;
using System.Text;

namespace FakeHttpFixture;

/// <summary>
/// Writes the timeline the client-behaviour assertions fail with: a line per request with its time since the first, the gap since
/// the one before, its status, its connection and position on it, and the headers the assertion is about.
/// </summary>
internal static class TimelineText
{
    private const int MaxListed = 40;

    public static string Write(string subject, IReadOnlyList<RecordedRequest> requests, IReadOnlyList<TimelineHeader> headers, CancellationMark? cancellation = null)
    {
        var text = new StringBuilder();
        if (requests.Count == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"Timeline of {subject}: no request.");
            AppendCancellation(text, cancellation, null);
            return text.ToString();
        }

        var origin = requests[0].Timestamp;
        text.Append(CultureInfo.InvariantCulture, $"Timeline of {subject} ({Count(requests.Count)}; times since the first, at {origin:HH:mm:ss.fff}):");
        var markShown = cancellation is null || !cancellation.IsCancelled;
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            if (!markShown && request.Sequence > cancellation!.LastSequenceBefore)
            {
                AppendCancellation(text, cancellation, origin);
                markShown = true;
            }

            if (i == MaxListed)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n  … and {requests.Count - MaxListed} more.");
                break;
            }

            text.Append("\n  ").Append(Offset(request.Timestamp - origin).PadRight(10)).Append(request);
            text.Append(CultureInfo.InvariantCulture, $"  conn {request.ConnectionId}:{request.ExchangeIndex}");
            if (i > 0)
            {
                text.Append("  gap ").Append(Milliseconds(request.Timestamp - requests[i - 1].Timestamp));
            }

            foreach (var header in headers)
            {
                if (header.ValueIn(request) is { } value)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  {(header.FromServer ? '<' : '>')} {header.Name}: {value}");
                }
            }
        }

        if (!markShown)
        {
            AppendCancellation(text, cancellation, origin);
        }

        return text.ToString();
    }

    /// <summary>Returns the exception an assertion fails with: what was expected, what went wrong, the timeline and the chaos note.</summary>
    public static HttpFixtureAssertionException Failure(string message, string subject, IReadOnlyList<RecordedRequest> requests, IReadOnlyList<TimelineHeader> headers, string? chaosNote, CancellationMark? cancellation = null)
    {
        var text = new StringBuilder(message);
        text.Append('\n').Append(Write(subject, requests, headers, cancellation));
        if (chaosNote is not null)
        {
            text.Append('\n').Append(chaosNote);
        }

        return new HttpFixtureAssertionException(text.ToString());
    }

    public static string Milliseconds(TimeSpan value) => string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:0} ms");

    public static string Count(int requests) => requests == 1 ? "1 request" : string.Create(CultureInfo.InvariantCulture, $"{requests} requests");

    private static string Offset(TimeSpan value) => "+" + Milliseconds(value);

    private static void AppendCancellation(StringBuilder text, CancellationMark? cancellation, DateTimeOffset? origin)
    {
        if (cancellation?.CancelledAt is not { } at)
        {
            return;
        }

        var when = origin is { } o ? Offset(at - o) : at.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        text.Append("\n  ").Append(when.PadRight(10)).Append("── the token given to MarkCancellation was cancelled ──");
    }
}
