namespace FakeHttpFixture;

/// <summary>
/// The events or messages of one request's stream, in the order they crossed, and the waits for them: a wait scans what has
/// crossed once, then is offered each new item as it is appended, never polled. When the stream ends, waits still pending fail at once.
/// </summary>
/// <typeparam name="T">The recorded item: <see cref="ServerSentEvent"/> or <see cref="WebSocketMessage"/>.</typeparam>
internal sealed class StreamLog<T>
    where T : class
{
    private readonly Lock _gate = new();
    private readonly List<T> _items = [];
    private readonly List<(Func<T, bool> Match, TaskCompletionSource<T> Completion)> _waiters = [];
    private bool _ended;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return _items.ToArray();
        }
    }

    public void Append(T item)
    {
        lock (_gate)
        {
            _items.Add(item);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                var (match, completion) = _waiters[i];
                if (Offer(match, completion, item))
                {
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    /// <summary>Marks the stream ended: nothing more will cross, so waits still pending fail with <paramref name="failure"/>.</summary>
    public void End(Func<IReadOnlyList<T>, Exception> failure)
    {
        TaskCompletionSource<T>[] pending;
        IReadOnlyList<T> items;
        lock (_gate)
        {
            _ended = true;
            pending = [.. _waiters.Select(w => w.Completion)];
            _waiters.Clear();
            items = _items.ToArray();
        }

        foreach (var completion in pending)
        {
            completion.TrySetException(failure(items));
        }
    }

    /// <summary>Returns the earliest item that matches, already crossed or yet to cross.</summary>
    /// <param name="match">The predicate.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="onTimeout">Makes the exception for a wait that timed out, from what crossed.</param>
    /// <param name="onEnded">Makes the exception for a stream that ended without a match, from what crossed.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async Task<T> WaitAsync(Func<T, bool> match, TimeSpan timeout, Func<IReadOnlyList<T>, Exception> onTimeout, Func<IReadOnlyList<T>, Exception> onEnded, CancellationToken cancellationToken)
    {
        // Continuations run off the thread that appends, so a waiting test never runs inside the server's stream.
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var settled = false;
        lock (_gate)
        {
            foreach (var item in _items)
            {
                if (Offer(match, completion, item))
                {
                    settled = true;
                    break;
                }
            }

            if (!settled)
            {
                if (_ended)
                {
                    throw onEnded(_items.ToArray());
                }

                _waiters.Add((match, completion));
            }
        }

        if (settled)
        {
            return await completion.Task.ConfigureAwait(false);
        }

        try
        {
            return await completion.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw onTimeout(Snapshot());
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove((match, completion));
            }
        }
    }

    private static bool Offer(Func<T, bool> match, TaskCompletionSource<T> completion, T item)
    {
        try
        {
            return match(item) && completion.TrySetResult(item);
        }
        catch (Exception ex)
        {
            // A predicate that throws belongs to the test: hand the exception to the test, not to the server.
            completion.TrySetException(ex);
            return true;
        }
    }
}
