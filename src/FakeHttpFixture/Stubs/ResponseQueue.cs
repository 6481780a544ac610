namespace FakeHttpFixture;

/// <summary>The responses queued by <see cref="HttpFixtureServer.Enqueue(StubResponse)"/>; a request looks at it without a lock while it is empty.</summary>
internal sealed class ResponseQueue
{
    private readonly Lock _gate = new();
    private readonly Queue<StubResponse> _queue = new();
    private volatile int _count;

    public void Enqueue(StubResponse response)
    {
        lock (_gate)
        {
            _queue.Enqueue(response);
            _count = _queue.Count;
        }
    }

    public bool TryDequeue(out StubResponse? response)
    {
        response = null;
        if (_count == 0)
        {
            return false;
        }

        lock (_gate)
        {
            var taken = _queue.TryDequeue(out response);
            _count = _queue.Count;
            return taken;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
            _count = 0;
        }
    }
}
