using System.Globalization;
using System.Text;

namespace FakeHttpFixture;

/// <summary>
/// The journal of one server: requests in arrival order, and the waiters woken as they arrive.
/// Appending is O(1) under one lock; a waiter scans the journal once when it starts and then sees only new arrivals.
/// </summary>
internal sealed class RequestJournal
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<RequestWaiter> _waiters = [];
    private long _sequence;
    private bool _closed;

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return _requests.ToArray();
        }
    }

    public void Append(RecordedRequest request)
    {
        RequestWaiter[]? toWake = null;
        lock (_gate)
        {
            request.Sequence = ++_sequence;
            _requests.Add(request);
            if (_waiters.Count != 0)
            {
                toWake = _waiters.ToArray();
            }
        }

        if (toWake is null)
        {
            return;
        }

        foreach (var waiter in toWake)
        {
            if (waiter.Offer(request))
            {
                lock (_gate)
                {
                    _waiters.Remove(waiter);
                }
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    public async Task<RecordedRequest> WaitAsync(Func<RecordedRequest, bool>? match, TimeSpan timeout, CancellationToken cancellationToken)
    {
        match ??= static _ => true;
        RequestWaiter waiter;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, typeof(HttpFixtureServer));
            foreach (var request in _requests)
            {
                if (match(request))
                {
                    return request;
                }
            }

            waiter = new RequestWaiter(match);
            _waiters.Add(waiter);
        }

        try
        {
            return await waiter.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(DescribeTimeout(timeout));
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Fails every pending waiter: the server is going away and nothing more will arrive.</summary>
    public void Close()
    {
        RequestWaiter[] waiters;
        lock (_gate)
        {
            _closed = true;
            waiters = _waiters.ToArray();
            _waiters.Clear();
        }

        foreach (var waiter in waiters)
        {
            waiter.Fail(new ObjectDisposedException(nameof(HttpFixtureServer), "The server was disposed while a test was still waiting for a request. Await the wait before disposing the server."));
        }
    }

    public string DescribeTimeout(TimeSpan timeout) =>
        $"No request matched within {FormatDuration(timeout)}. {Describe(Snapshot())}";

    public static string Describe(IReadOnlyList<RecordedRequest> requests)
    {
        if (requests.Count == 0)
        {
            return "Received none.";
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Received {requests.Count}:");
        foreach (var request in requests)
        {
            text.Append(' ').Append(request).Append(',');
        }

        text.Length--;
        return text.ToString();
    }

    private static string FormatDuration(TimeSpan value) => value.TotalSeconds >= 1 && value.Milliseconds == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.#} s")
        : string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:0} ms");
}
