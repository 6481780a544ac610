using System.Globalization;
using System.Text;

namespace FakeHttpFixture;

/// <summary>The check behind <see cref="RequestTimeline.ShouldSendNothingAfterAsync"/>: once its token was cancelled, the client sent no more.</summary>
internal static class CancellationAssertions
{
    public static async Task NothingAfterAsync(RequestJournal journal, RequestPattern pattern, CancellationMark cancellation, TimeSpan watchFor, Func<string?> chaosNote, CancellationToken cancellationToken)
    {
        const string expected = "Expected nothing to be sent after the cancellation";
        if (!cancellation.IsCancelled)
        {
            throw Failure($"{expected}, but the token given to MarkCancellation was never cancelled: cancel it (after waiting for the request already on its way), then assert.");
        }

        var after = cancellation.LastSequenceBefore;
        var late = Select().Where(r => r.Sequence > after).ToList();
        if (late.Count == 0 && watchFor > TimeSpan.Zero)
        {
            try
            {
                // Woken by an arrival: a late request fails the test at once, and the full period passes only when none comes.
                late.Add((await journal.WaitAsync(RequestPattern.Named($"{pattern.Description} after the cancellation", r => r.Sequence > after && pattern.Matches(r)), 1, watchFor, cancellationToken).ConfigureAwait(false))[0]);
            }
            catch (TimeoutException)
            {
            }
        }

        if (late.Count != 0)
        {
            var list = new StringBuilder();
            foreach (var request in late)
            {
                list.Append(CultureInfo.InvariantCulture, $"\n  #{request.Sequence} came {TimelineText.Milliseconds(request.Timestamp - cancellation.CancelledAt!.Value)} after the cancellation.");
            }

            throw Failure($"{expected}, but the client sent {TimelineText.Count(late.Count)} more:{list}");
        }

        foreach (var request in Select())
        {
            request.Checked = true;
        }

        List<RecordedRequest> Select() => [.. journal.Snapshot().Where(pattern.Matches)];

        HttpFixtureAssertionException Failure(string message) =>
            TimelineText.Failure(message, pattern.Description, Select(), [], chaosNote(), cancellation);
    }
}
