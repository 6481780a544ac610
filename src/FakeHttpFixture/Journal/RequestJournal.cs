namespace FakeHttpFixture;

/// <summary>
/// The journal of one server: requests in arrival order, the bodies it keeps, and the waiters woken as requests arrive.
/// Appending is O(1) plus one offer per pending waiter; a waiter scans the journal once when it starts and then sees only new arrivals.
/// Offers run under the lock, so every waiter sees requests in sequence order.
/// </summary>
internal sealed class RequestJournal(long bodyMemoryThreshold = 1024 * 1024, int maxRequests = 0, bool recordResponseBodies = false)
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<RequestWaiter> _waiters = [];
    private readonly Queue<TaskCompletionSource<RecordedRequest>> _takers = new();
    private long _sequence;
    private int _taken;
    private bool _closed;

    public long BodyMemoryThreshold => bodyMemoryThreshold;

    public BodySpillDirectory Spill { get; } = new();

    /// <summary>Returns where the response body of <paramref name="request"/> is recorded, or <see langword="null"/> when this journal keeps no response bodies (or the request is a HEAD, which has none).</summary>
    public ResponseCapture? NewResponseCapture(RecordedRequest request) =>
        recordResponseBodies && !Microsoft.AspNetCore.Http.HttpMethods.IsHead(request.Method) ? new ResponseCapture(Spill, bodyMemoryThreshold) : null;

    /// <summary>Gets how long waits on a request's stream wait when the test gives no timeout; each request is given it as it joins.</summary>
    public TimeSpan StreamWaitTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets the sequence number of the last request that joined the journal, 0 before the first.</summary>
    public long LastSequence
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return _requests.ToArray();
        }
    }

    public void Append(RecordedRequest request)
    {
        lock (_gate)
        {
            request.Sequence = ++_sequence;
            request.DefaultWaitTimeout = StreamWaitTimeout;
            _requests.Add(request);
            if (maxRequests > 0 && _requests.Count > maxRequests)
            {
                DropOldest();
            }
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Offer(request))
                {
                    _waiters.RemoveAt(i);
                }
            }

            while (_takers.TryDequeue(out var taker))
            {
                // A taker whose caller gave up was cancelled under this lock; the request stays for the next take.
                if (taker.TrySetResult(request))
                {
                    request.Checked = true;
                    _taken++;
                    break;
                }
            }
        }
    }

    // Drops a quarter of the cap at once, so the list's copy is paid once per many requests, not per request.
    private void DropOldest()
    {
        var drop = _requests.Count - maxRequests + (maxRequests / 4);
        drop = Math.Min(drop, _requests.Count - 1);
        _requests.RemoveRange(0, drop);
        _taken = Math.Max(0, _taken - drop);
    }

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
            _taken = 0;

            // A wait still pending counts only what arrives from now on, as if it had started after the clear.
            foreach (var waiter in _waiters)
            {
                waiter.Forget();
            }
        }
    }

    /// <summary>Removes the requests that match, such as a finished test's on a shared server; a take goes on with the next request not yet taken.</summary>
    public int RemoveWhere(Predicate<RecordedRequest> match)
    {
        lock (_gate)
        {
            var takenRemoved = 0;
            for (var i = 0; i < _taken; i++)
            {
                takenRemoved += match(_requests[i]) ? 1 : 0;
            }

            _taken -= takenRemoved;
            return _requests.RemoveAll(match);
        }
    }

    public async Task<IReadOnlyList<RecordedRequest>> WaitAsync(RequestPattern pattern, int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var waiter = new RequestWaiter(pattern.Matches, count);
        if (Register(waiter))
        {
            return await waiter.Task.ConfigureAwait(false);
        }

        try
        {
            return await waiter.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(JournalAssertions.Failure(Snapshot(), pattern, count == 1 ? null : count, waiter.Matched, timeout));
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Offers the journal so far to a new waiter and, unless that satisfied it, keeps it for later arrivals.</summary>
    private bool Register(RequestWaiter waiter)
    {
        lock (_gate)
        {
            foreach (var request in _requests)
            {
                if (waiter.Offer(request))
                {
                    return true;
                }
            }

            ThrowIfClosed();
            _waiters.Add(waiter);
            return false;
        }
    }

    public async Task<RecordedRequest> TakeAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        TaskCompletionSource<RecordedRequest> taker;
        lock (_gate)
        {
            if (_taken < _requests.Count && _takers.Count == 0)
            {
                var next = _requests[_taken++];
                next.Checked = true;
                return next;
            }

            ThrowIfClosed();
            taker = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            _takers.Enqueue(taker);
        }

        try
        {
            return await taker.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            lock (_gate)
            {
                // The request may have been handed over just as the wait ended; then it is the answer, not lost.
                if (!taker.TrySetCanceled(cancellationToken) && taker.Task.IsCompletedSuccessfully)
                {
                    return taker.Task.Result;
                }
            }

            if (ex is OperationCanceledException)
            {
                throw;
            }

            throw new TimeoutException(JournalAssertions.TakeFailure(Snapshot(), timeout));
        }
    }

    /// <summary>Fails every pending waiter: the server is going away and nothing more will arrive.</summary>
    public void Close()
    {
        RequestWaiter[] waiters;
        TaskCompletionSource<RecordedRequest>[] takers;
        lock (_gate)
        {
            _closed = true;
            waiters = [.. _waiters];
            takers = [.. _takers];
            _waiters.Clear();
            _takers.Clear();
        }

        foreach (var waiter in waiters)
        {
            waiter.Fail(ClosedException());
        }

        foreach (var taker in takers)
        {
            taker.TrySetException(ClosedException());
        }
    }

    private static ObjectDisposedException ClosedException() =>
        new("HttpFixtureServer", "The server was disposed while a test was still waiting for a request. Await the wait before disposing the server.");

    private void ThrowIfClosed()
    {
        if (_closed)
        {
            throw new ObjectDisposedException("HttpFixtureServer", "The server has been disposed, so no request can arrive to end this wait. Wait before disposing the server; Requests still lists what arrived.");
        }
    }
}
