namespace FakeHttpFixture;

/// <summary>One pending wait of the journal: a predicate and the task that completes with the first request it accepts.</summary>
internal sealed class RequestWaiter(Func<RecordedRequest, bool> match)
{
    // Continuations run off the thread that appends, so a waiting test never runs inside the server's request pipeline.
    private readonly TaskCompletionSource<RecordedRequest> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<RecordedRequest> Task => _completion.Task;

    public bool Offer(RecordedRequest request)
    {
        if (_completion.Task.IsCompleted)
        {
            return true;
        }

        bool matched;
        try
        {
            matched = match(request);
        }
        catch (Exception ex)
        {
            // A predicate that throws belongs to the test: hand the exception to the test, not to the server.
            _completion.TrySetException(ex);
            return true;
        }

        return matched && _completion.TrySetResult(request);
    }

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
