using System.Threading.Channels;

namespace FakeHttpFixture;

/// <summary>
/// What a feed the test holds hands to the streams open on it: each item goes to every open stream; while none is open, items
/// wait for the next stream to open. The task of a send completes once every stream it went to has written it, or ended.
/// </summary>
/// <typeparam name="T">An item of the stream: an event step, or a WebSocket action.</typeparam>
internal sealed class FeedHub<T>
{
    private readonly Lock _gate = new();
    private readonly List<Channel<(T Item, TaskCompletionSource Done)>> _open = [];
    private readonly Queue<(T Item, TaskCompletionSource Done)> _waiting = new();
    private readonly List<TaskCompletionSource> _openWaiters = [];
    private readonly Dictionary<ChannelReader<(T Item, TaskCompletionSource Done)>, Action> _breakers = [];
    private bool _completed;

    public int OpenCount
    {
        get
        {
            lock (_gate)
            {
                return _open.Count;
            }
        }
    }

    /// <summary>
    /// Gets or sets how long a send waits for one open stream to write an item before that stream is broken off (its client
    /// stopped reading), or <see langword="null"/> to wait as long as the stream lasts.
    /// </summary>
    public TimeSpan? SendTimeout { get; set; }

    /// <summary>Hands <paramref name="item"/> to every open stream, or keeps it for the next one to open.</summary>
    public Task PublishAsync(T item, string feedName, CancellationToken cancellationToken)
    {
        Task delivered;
        lock (_gate)
        {
            if (_completed)
            {
                throw new InvalidOperationException($"The {feedName} was completed, so nothing more can be sent on it. Use a new feed for a new conversation.");
            }

            if (_open.Count == 0)
            {
                var done = NewCompletion();
                _waiting.Enqueue((item, done));
                delivered = done.Task;
            }
            else
            {
                var tasks = new Task[_open.Count];
                for (var i = 0; i < _open.Count; i++)
                {
                    var done = NewCompletion();
                    if (!_open[i].Writer.TryWrite((item, done)))
                    {
                        done.TrySetResult();
                    }

                    tasks[i] = SendTimeout is { } limit && _breakers.TryGetValue(_open[i].Reader, out var breaker) ? BoundedAsync(done.Task, limit, breaker) : done.Task;
                }

                delivered = tasks.Length == 1 ? tasks[0] : Task.WhenAll(tasks);
            }
        }

        return delivered.WaitAsync(cancellationToken);
    }

    /// <summary>Ends every stream open on the feed, and those opened later, once they have written what was sent before.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            foreach (var channel in _open)
            {
                channel.Writer.TryComplete();
            }
        }
    }

    /// <summary>Opens a stream on the feed: it first gets what waited for a stream, then what is sent from now on.</summary>
    /// <param name="breaker">Breaks the stream off when it has not written an item within <see cref="SendTimeout"/>; <see langword="null"/> for a stream never bounded.</param>
    public ChannelReader<(T Item, TaskCompletionSource Done)> Open(Action? breaker = null)
    {
        var channel = Channel.CreateUnbounded<(T Item, TaskCompletionSource Done)>(new UnboundedChannelOptions { SingleReader = true });
        TaskCompletionSource[] waiters;
        lock (_gate)
        {
            while (_waiting.TryDequeue(out var waiting))
            {
                channel.Writer.TryWrite(waiting);
            }

            if (_completed)
            {
                channel.Writer.TryComplete();
            }

            _open.Add(channel);
            if (breaker is not null)
            {
                _breakers[channel.Reader] = breaker;
            }

            waiters = [.. _openWaiters];
            _openWaiters.Clear();
        }

        foreach (var waiter in waiters)
        {
            waiter.TrySetResult();
        }

        return channel.Reader;
    }

    /// <summary>Closes a stream's place on the feed: what it had not written yet counts as done, so no send waits on a stream that ended.</summary>
    public void Close(ChannelReader<(T Item, TaskCompletionSource Done)> reader)
    {
        lock (_gate)
        {
            var index = _open.FindIndex(c => c.Reader == reader);
            if (index >= 0)
            {
                _open[index].Writer.TryComplete();
                _open.RemoveAt(index);
            }

            _breakers.Remove(reader);
        }

        while (reader.TryRead(out var undelivered))
        {
            undelivered.Done.TrySetResult();
        }
    }

    /// <summary>Completes once a stream is open on the feed.</summary>
    public async Task WaitForOpenAsync(TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_gate)
        {
            if (_open.Count != 0)
            {
                return;
            }

            waiter = NewCompletion();
            _openWaiters.Add(waiter);
        }

        try
        {
            await waiter.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No {what} opened within {JournalText.Duration(timeout)}. Check that the client connected to the path of the stub that uses this feed.");
        }
        finally
        {
            lock (_gate)
            {
                _openWaiters.Remove(waiter);
            }
        }
    }

    // A stream that has not written the item in time is broken off, so one stalled client never holds up the sends to the others.
    private static async Task BoundedAsync(Task delivered, TimeSpan limit, Action breaker)
    {
        try
        {
            await delivered.WaitAsync(limit).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            breaker();
        }
    }

    // Continuations run off the stream's thread, so a test awaiting a send never runs inside the server's stream.
    private static TaskCompletionSource NewCompletion() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
