using System.Text;

namespace FakeHttpFixture;

/// <content>The journal: what the server received, waits for what it will receive, and exports of both.</content>
public sealed partial class HttpFixtureServer
{
    /// <summary>Gets a snapshot of the requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _journal.Snapshot();

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
    public Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool>? match = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _journal.WaitAsync(match, timeout ?? _options.DefaultWaitTimeout, cancellationToken);

    /// <summary>ClearRequests empties the journal; sequence numbers go on from where they were.</summary>
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

    /// <summary>SaveHar writes the journal to <paramref name="path"/> as a HAR 1.2 file, which browser developer tools open.</summary>
    /// <param name="path">The file to write; it is replaced if it exists.</param>
    public void SaveHar(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.Create(path);
        HarWriter.Write(stream, Requests);
    }
}
