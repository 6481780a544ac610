using System.Text;

namespace FakeHttpFixture;

/// <content>The journal: what the server received, waits for what it will receive, and exports of both.</content>
public sealed partial class HttpFixtureServer
{
    /// <summary>Gets a snapshot of the requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _journal.Snapshot();

    /// <summary>Gets the directory large bodies are spilled to, or <see langword="null"/> while none was; tests use it to see it deleted.</summary>
    internal string? SpillDirectory => _journal.Spill.Path;

    /// <summary>
    /// WaitForRequestAsync returns the earliest request that matches, whether it was already recorded or is yet to come.
    /// It is woken by arrivals, never by polling.
    /// </summary>
    /// <param name="match">The predicate; <see langword="null"/> for any request.</param>
    /// <param name="timeout">How long to wait; <see langword="null"/> for <see cref="HttpFixtureOptions.DefaultWaitTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The request.</returns>
    /// <exception cref="TimeoutException">Nothing matched in time; the message lists what was received.</exception>
    /// <exception cref="ObjectDisposedException">The server was disposed before anything matched.</exception>
    public async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool>? match = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        (await _journal.WaitAsync(match, 1, timeout ?? _options.DefaultWaitTimeout, cancellationToken).ConfigureAwait(false))[0];

    /// <summary>
    /// WaitForRequestsAsync returns the first <paramref name="count"/> requests that match, in arrival order, waiting for those yet to come;
    /// for code under test that sends in the background, such as retries or batches.
    /// </summary>
    /// <param name="count">How many matching requests to wait for; at least 1.</param>
    /// <param name="match">The predicate; <see langword="null"/> for any request.</param>
    /// <param name="timeout">How long to wait; <see langword="null"/> for <see cref="HttpFixtureOptions.DefaultWaitTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The requests, earliest first.</returns>
    /// <exception cref="TimeoutException">Fewer matched in time; the message says how many did and lists what was received.</exception>
    /// <exception cref="ObjectDisposedException">The server was disposed before enough matched.</exception>
    public Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(int count, Func<RecordedRequest, bool>? match = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _journal.WaitAsync(match, count, timeout ?? _options.DefaultWaitTimeout, cancellationToken);

    /// <summary>
    /// TakeRequestAsync returns the next request not yet taken, waiting for it if need be: the journal as a queue, as OkHttp's
    /// MockWebServer.takeRequest. Each request is taken once, in arrival order, whatever other waits have returned.
    /// </summary>
    /// <param name="timeout">How long to wait; <see langword="null"/> for <see cref="HttpFixtureOptions.DefaultWaitTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The request.</returns>
    /// <exception cref="TimeoutException">No request arrived in time; the message lists what was received (and taken) before.</exception>
    /// <exception cref="ObjectDisposedException">The server was disposed before a request arrived.</exception>
    public Task<RecordedRequest> TakeRequestAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _journal.TakeAsync(timeout ?? _options.DefaultWaitTimeout, cancellationToken);

    /// <summary>
    /// ClearRequests empties the journal; sequence numbers go on from where they were, the next take returns the next request to arrive,
    /// and a wait still pending counts only requests that arrive from now on.
    /// </summary>
    public void ClearRequests() => _journal.Clear();

    /// <summary>JournalSummary returns the journal as text, a line per request ("#2 POST /upload (31 B) → 200"), for test logs.</summary>
    /// <returns>The summary; "No requests received." when the journal is empty.</returns>
    public string JournalSummary()
    {
        var requests = Requests;
        if (requests.Count == 0)
        {
            return "No requests received.";
        }

        var text = new StringBuilder();
        foreach (var request in requests)
        {
            text.Append(request).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// SaveHar writes the journal to <paramref name="path"/> as a HAR 1.2 file, requests and responses with their headers and
    /// request bodies (text, or base64 when binary), which browser developer tools and HAR viewers open.
    /// </summary>
    /// <param name="path">The file to write; it is replaced if it exists.</param>
    public void SaveHar(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.Create(path);
        HarWriter.Write(stream, Requests, BaseAddress);
    }
}
