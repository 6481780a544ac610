using System.Threading.Channels;

namespace FakeHttpFixture.Cli;

/// <summary>
/// Takes completed requests off the server's threads and writes their log line and record on one background task, so a
/// slow terminal or disk never holds up a response. Each request is written once, whether it completed or was only found
/// in the journal at shutdown (a client that went away mid-body never completes).
/// </summary>
internal sealed class RequestSink : IAsyncDisposable
{
    private readonly Channel<(RecordedRequest Request, TimeSpan? Duration)> _queue =
        Channel.CreateUnbounded<(RecordedRequest, TimeSpan?)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Lock _gate = new();
    private readonly HashSet<long> _written = [];
    private readonly ConsoleLog? _log;
    private readonly RequestRecorder? _recorder;
    private readonly Task _pump;
    private bool _closed;
    private bool _recordFailed;

    public RequestSink(ConsoleLog? log, RequestRecorder? recorder)
    {
        _log = log;
        _recorder = recorder;
        _pump = Task.Run(PumpAsync);
    }

    public bool IsNeeded => _log is not null || _recorder is not null;

    /// <summary>Takes a request whose response has just been sent; it is the server's <see cref="HttpFixtureOptions.OnRequestCompleted"/>.</summary>
    public void OnCompleted(RecordedRequest request) => Offer(request, DateTimeOffset.UtcNow - request.Timestamp);

    /// <summary>Writes what the journal holds and no callback delivered, then drains the queue; call it after the server stopped.</summary>
    public async Task CompleteAsync(IReadOnlyList<RecordedRequest> journal)
    {
        foreach (var request in journal)
        {
            Offer(request, null);
        }

        lock (_gate)
        {
            _closed = true;
            _queue.Writer.TryComplete();
        }

        await _pump.ConfigureAwait(false);
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

    private void Offer(RecordedRequest request, TimeSpan? duration)
    {
        lock (_gate)
        {
            if (!_closed && _written.Add(request.Sequence))
            {
                _queue.Writer.TryWrite((request, duration));
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
            }

            // The record first: whoever sees a request's log line can read its record.
            FlushRecord();
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
            _recorder.Write(request, duration);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Failure.Warn($"request #{request.Sequence} could not be recorded in '{_recorder.Directory}': {ex.Message}");
            _recordFailed = true;
        }
    }

    private void FlushRecord()
    {
        try
        {
            _recorder?.Flush();
        }
        catch (IOException ex)
        {
            Failure.Warn($"the record index could not be written: {ex.Message}");
            _recordFailed = true;
        }
    }

    /// <summary>Gets a value indicating whether any request could not be recorded.</summary>
    public bool RecordFailed => _recordFailed;
}
