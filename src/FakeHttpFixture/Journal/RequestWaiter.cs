namespace FakeHttpFixture;

/// <summary>One pending wait of the journal: a predicate, how many matches it wants, and the task that completes with them.</summary>
internal sealed class RequestWaiter(Func<RecordedRequest, bool> match, int count)
{
    // Continuations run off the thread that appends, so a waiting test never runs inside the server's request pipeline.
    private readonly TaskCompletionSource<IReadOnlyList<RecordedRequest>> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<RecordedRequest> _matches = new(Math.Min(count, 64));

    public Task<IReadOnlyList<RecordedRequest>> Task => _completion.Task;

    public int Matched => _matches.Count;

    /// <summary>Offers a request; returns <see langword="true"/> when the waiter is done and can be dropped.</summary>
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

        if (!matched)
        {
            return false;
        }

        _matches.Add(request);
        if (_matches.Count < count)
        {
            return false;
        }

        foreach (var m in _matches)
        {
            m.Checked = true;
        }

        _completion.TrySetResult(_matches);
        return true;
    }

    /// <summary>Drops the matches so far, which a clear of the journal has removed; called under the journal's lock, as offers are.</summary>
    public void Forget() => _matches.Clear();

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
