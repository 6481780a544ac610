namespace FakeHttpFixture;

/// <summary>
/// Counts the requests inside the application, so that dispose can wait until every aborted request has been recorded:
/// Kestrel's StopAsync returns once its grace is over, before the aborted requests have run to their end.
/// The count is interlocked, so a request pays no lock; only the last one out, when dispose waits, takes it.
/// </summary>
internal sealed class InFlightRequests
{
    private readonly Lock _gate = new();
    private int _count;
    private TaskCompletionSource? _idle;

    public void Enter() => Interlocked.Increment(ref _count);

    public void Exit()
    {
        if (Interlocked.Decrement(ref _count) == 0 && Volatile.Read(ref _idle) is not null)
        {
            SignalIfIdle();
        }
    }

    public Task WhenIdleAsync()
    {
        Task task;
        lock (_gate)
        {
            if (_count == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            task = _idle.Task;
        }

        // An Exit that decremented to 0 before _idle was visible to it did not signal: after the fence one of the two sees the other.
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _count) == 0)
        {
            SignalIfIdle();
        }

        return task;
    }

    private void SignalIfIdle()
    {
        TaskCompletionSource? idle;
        lock (_gate)
        {
            // Another request may have entered since; the waiter is then left for its exit.
            if (_count != 0)
            {
                return;
            }

            idle = _idle;
            _idle = null;
        }

        idle?.TrySetResult();
    }
}
