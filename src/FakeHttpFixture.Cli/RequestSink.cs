using System.Threading.Channels;

namespace FakeHttpFixture.Cli;

/// <summary>
/// Takes completed requests off the server's threads and writes their log line and record on one background task, so a
/// slow terminal or disk never holds up a response. Each request is written once, whether it completed or was only found
/// in the journal at shutdown (a client that went away mid-body never completes). A request that cannot be recorded is
/// reported on stderr and costs none of the requests after it.
/// </summary>
internal sealed class RequestSink : IAsyncDisposable
{
    private readonly Channel<(RecordedRequest Request, TimeSpan? Duration)> _queue =
        Channel.CreateUnbounded<(RecordedRequest, TimeSpan?)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Lock _gate = new();
    private readonly WrittenSequences _written = new();
    private readonly ConsoleLog? _log;
    private readonly RequestRecorder? _recorder;
    private readonly bool _releaseBodies;
    private readonly int _keepLastBodies;
    private readonly Queue<RecordedRequest> _keptBodies = new();
    private readonly Task _pump;
    private bool _closed;
    private bool _recordFailed;

    /// <param name="log">Where request lines go; null with --quiet.</param>
    /// <param name="recorder">The --record writer, or null.</param>
    /// <param name="releaseBodies">Whether a body is let go (its memory, its temp file) once written here: true when no later output (the HAR) reads it.</param>
    /// <param name="keepLastBodies">How many of the latest bodies held in memory are let go only later, for the inspector to show; a spilled body always goes at once.</param>
    public RequestSink(ConsoleLog? log, RequestRecorder? recorder, bool releaseBodies, int keepLastBodies = 0)
    {
        _keepLastBodies = keepLastBodies;
        _log = log;
        _recorder = recorder;
        _releaseBodies = releaseBodies;
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>Gets a value indicating whether any request could not be recorded whole (its line, or its body).</summary>
    public bool RecordFailed => _recordFailed;

    /// <summary>Takes a request whose response has just been sent; it is the server's <see cref="HttpFixtureOptions.OnRequestCompleted"/>.</summary>
    public void OnCompleted(RecordedRequest request) => Offer(request, DateTimeOffset.UtcNow - request.Timestamp);

    /// <summary>
    /// Writes what the journal holds and no callback delivered, then drains the queue. Call it after the server stopped serving
    /// and before it is disposed, while spilled bodies can still be read.
    /// </summary>
    public async Task CompleteAsync(IReadOnlyList<RecordedRequest> journal)
    {
        foreach (var request in journal)
        {
            Offer(request, request.Duration > TimeSpan.Zero ? request.Duration : null);
        }

        await DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _closed = true;
            _queue.Writer.TryComplete();
        }

        await _pump.ConfigureAwait(false);
    }

    // The duration is from arrival to the end of the response; a request that got no response at all (the client went away
    // mid-body, or a fault cut it before the status line) has none, and says so with null rather than the time until it broke.
    private void Offer(RecordedRequest request, TimeSpan? duration)
    {
        lock (_gate)
        {
            if (!_closed && _written.Add(request.Sequence))
            {
                _queue.Writer.TryWrite((request, request.StatusCode == 0 ? null : duration));
            }
        }
    }

    private async Task PumpAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                Record(item.Request, item.Duration);
                _log?.Buffer(RequestLine.Format(item.Request, item.Duration, _log.UseColour));
                if (item.Request is { Rejected: true, StatusCode: 507 })
                {
                    _recordFailed = true;
                    Failure.Warn($"request #{item.Request.Sequence} ({item.Request.Method} {RequestLine.Safe(item.Request.Path)}) was answered 507: its body could not be kept in the temp folder '{Path.GetTempPath()}', which is full or not writable. Free space there, or point TMPDIR elsewhere.");
                }

                if (_releaseBodies && item.Request.BodySpilled)
                {
                    // A body large enough to be in a temp file leaves it at once, inspector or not: the temp folder never grows.
                    item.Request.ReleaseBody();
                }
                else if (_releaseBodies)
                {
                    _keptBodies.Enqueue(item.Request);
                    while (_keptBodies.Count > _keepLastBodies)
                    {
                        _keptBodies.Dequeue().ReleaseBody();
                    }
                }
            }

            // Each record was written before its line was buffered: whoever sees a request's log line can read its record.
            _log?.Flush();
        }
    }

    private void Record(RecordedRequest request, TimeSpan? duration)
    {
        if (_recorder is null)
        {
            return;
        }

        try
        {
            if (_recorder.Write(request, duration) is { } bodyError)
            {
                Failure.Warn($"the body of request #{request.Sequence} could not be written to '{_recorder.Directory}' ({bodyError}); its line in {RequestRecorder.IndexFileName} says so.");
                _recordFailed = true;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            Failure.Warn($"request #{request.Sequence} could not be recorded in '{_recorder.Directory}': {ex.Message}");
            _recordFailed = true;
        }
    }
}
