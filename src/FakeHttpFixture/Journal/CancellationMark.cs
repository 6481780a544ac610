using System.Globalization;

namespace FakeHttpFixture;

/// <summary>
/// Marks on the journal the moment a client's cancellation token was cancelled, made by
/// <see cref="HttpFixtureServer.MarkCancellation(CancellationToken)"/> before the test cancels, so that
/// <see cref="RequestTimeline.ShouldSendNothingAfterAsync(CancellationMark, TimeSpan, CancellationToken)"/> can tell what the client sent after it.
/// </summary>
/// <remarks>
/// The mark notes the last request recorded when the token was cancelled: a request recorded later was sent after the
/// cancellation, provided the test waited for the requests already on their way (with a wait such as
/// <see cref="HttpFixtureServer.WaitForRequestAsync(Func{RecordedRequest, bool}?, TimeSpan?, CancellationToken, string?)"/>) before it cancelled.
/// </remarks>
public sealed class CancellationMark
{
    private readonly RequestJournal _journal;
    private long _lastSequence = -1;
    private long _cancelledAtTicks;

    internal CancellationMark(RequestJournal journal)
    {
        _journal = journal;
    }

    /// <summary>Gets a value indicating whether the token has been cancelled.</summary>
    public bool IsCancelled => Interlocked.Read(ref _lastSequence) >= 0;

    /// <summary>Gets when the token was cancelled, or <see langword="null"/> while it has not been.</summary>
    public DateTimeOffset? CancelledAt => IsCancelled ? new DateTimeOffset(Interlocked.Read(ref _cancelledAtTicks), TimeSpan.Zero) : null;

    /// <summary>Gets the sequence number of the last request recorded before the cancellation; requests numbered after it came later.</summary>
    internal long LastSequenceBefore => Interlocked.Read(ref _lastSequence);

    /// <summary>Returns "cancelled at 12:00:01.250 after #3", or "not cancelled".</summary>
    /// <returns>The description.</returns>
    public override string ToString() => CancelledAt is { } at
        ? string.Create(CultureInfo.InvariantCulture, $"cancelled at {at:HH:mm:ss.fff} after #{LastSequenceBefore}")
        : "not cancelled";

    internal void Note()
    {
        // The time first, so that a reader who sees the sequence also sees the time.
        Interlocked.CompareExchange(ref _cancelledAtTicks, DateTimeOffset.UtcNow.UtcTicks, 0);
        Interlocked.CompareExchange(ref _lastSequence, _journal.LastSequence, -1);
    }
}
