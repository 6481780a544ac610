namespace FakeHttpFixture;

/// <summary>
/// The events or messages of one request's stream, in the order they crossed, and the waits for them: a wait scans what has
/// crossed once, then is offered each new item as it is appended, never polled. When the stream ends, waits still pending fail at once.
/// </summary>
/// <typeparam name="TEntry">What is kept per item as it crosses: the public object itself, or a smaller record it is made from.</typeparam>
/// <typeparam name="T">The recorded item the test sees: <see cref="ServerSentEvent"/> or <see cref="WebSocketMessage"/>.</typeparam>
/// <remarks>
/// An event stream can send hundreds of thousands of events a second, so its entries are kept as structs and the objects a test
/// reads are made on first read, once each; a wait pending while events are sent makes them as they come.
/// </remarks>
/// <param name="materialize">Makes the object for an entry; for entries that are the objects, the identity.</param>
internal sealed class StreamLog<TEntry, T>(Func<TEntry, T> materialize)
    where T : class
{
    private readonly Lock _gate = new();
    private readonly List<(Func<T, bool> Match, TaskCompletionSource<T> Completion)> _waiters = [];
    private TEntry[] _entries = new TEntry[16];
    private T?[] _made = new T?[16];
    private int _count;
    private bool _ended;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            var items = new T[_count];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = At(i);
            }

            return items;
        }
    }

    /// <summary>Makes room for <paramref name="count"/> items at once, for a stream whose length is known, so appending never copies.</summary>
    public void Reserve(int count)
    {
        lock (_gate)
        {
            if (count > _entries.Length)
            {
                Array.Resize(ref _entries, count);
                Array.Resize(ref _made, count);
            }
        }
    }

    public void Append(in TEntry entry)
    {
        lock (_gate)
        {
            if (_count == _entries.Length)
            {
                Array.Resize(ref _entries, _count * 2);
                Array.Resize(ref _made, _count * 2);
            }

            _entries[_count++] = entry;
            if (_waiters.Count == 0)
            {
                return;
            }

            var item = At(_count - 1);
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
        lock (_gate)
        {
            _ended = true;
            if (_waiters.Count == 0)
            {
                return;
            }

            pending = [.. _waiters.Select(w => w.Completion)];
            _waiters.Clear();
        }

        var items = Snapshot();
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
            for (var i = 0; i < _count && !settled; i++)
            {
                settled = Offer(match, completion, At(i));
            }

            if (!settled)
            {
                if (_ended)
                {
                    throw onEnded(Snapshot());
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

    // Called under the lock: each entry's object is made once, so every reader sees the same one.
    private T At(int index) => _made[index] ??= materialize(_entries[index]);
}
