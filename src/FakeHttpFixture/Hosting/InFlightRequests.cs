namespace FakeHttpFixture;

/// <summary>
/// Counts the requests inside the application, so that dispose can wait until every aborted request has been recorded:
/// Kestrel's StopAsync returns once its grace is over, before the aborted requests have run to their end.
/// </summary>
internal sealed class InFlightRequests
{
    private readonly Lock _gate = new();
    private int _count;
    private TaskCompletionSource? _idle;

    public void Enter()
    {
        lock (_gate)
        {
            _count++;
        }
    }

    public void Exit()
    {
        TaskCompletionSource? idle = null;
        lock (_gate)
        {
            if (--_count == 0)
            {
                idle = _idle;
                _idle = null;
            }
        }

        idle?.TrySetResult();
    }

    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            if (_count == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task;
        }
    }
}
