using System.Runtime.CompilerServices;
using System.Text;

namespace FakeHttpFixture;

/// <content>
/// The journal: what the server received, waits for what it will receive, assertions on it and exports of it. The assertions
/// look at what has arrived and do not wait: a request is in the journal before its client sees the response. They need no
/// assertion library, read like Shouldly's, and fail with <see cref="HttpFixtureAssertionException"/>.
/// </content>
public sealed partial class HttpFixtureServer
{
    /// <summary>Gets a snapshot of the requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => TestView.Filter(_journal.Snapshot());

    /// <summary>Gets the directory large bodies are spilled to, or <see langword="null"/> while none was; tests use it to see it deleted.</summary>
    internal string? SpillDirectory => _journal.Spill.Path;

    /// <summary>Returns the earliest request that matches, whether it was already recorded or is yet to come. It is woken by arrivals, never by polling.</summary>
    /// <param name="match">The predicate; <see langword="null"/> for any request.</param>
    /// <param name="timeout">How long to wait; <see langword="null"/> for <see cref="HttpFixtureOptions.DefaultWaitTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <param name="description">How the timeout message names the predicate; the compiler fills in its source text.</param>
    /// <returns>The request.</returns>
    /// <exception cref="TimeoutException">Nothing matched in time; the message names the predicate and lists what was received, nearest match first.</exception>
    /// <exception cref="ObjectDisposedException">The server was disposed before anything matched.</exception>
    public async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool>? match = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default, [CallerArgumentExpression(nameof(match))] string? description = null) =>
        (await _journal.WaitAsync(TestView.Wait(match, description), 1, timeout ?? _options.DefaultWaitTimeout, cancellationToken).ConfigureAwait(false))[0];

    /// <summary>
    /// Returns the earliest request with <paramref name="method"/> and <paramref name="path"/>, already recorded or yet to come, as
    /// <see cref="ShouldHaveReceived(HttpMethod, string)"/> and <see cref="Timeline(HttpMethod, string)"/> name requests.
    /// </summary>
    /// <param name="method">The method, such as <see cref="HttpMethod.Post"/>.</param>
    /// <param name="path">The path, starting with '/', compared as <see cref="RecordedRequest.Path"/> (decoded, without the query).</param>
    /// <param name="timeout">How long to wait; <see langword="null"/> for <see cref="HttpFixtureOptions.DefaultWaitTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The request.</returns>
    /// <exception cref="TimeoutException">Nothing matched in time; the message lists what was received, nearest match first.</exception>
    public async Task<RecordedRequest> WaitForRequestAsync(HttpMethod method, string path, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        (await _journal.WaitAsync(RequestPattern.Of(method, path), 1, timeout ?? _options.DefaultWaitTimeout, cancellationToken).ConfigureAwait(false))[0];

    /// <summary>
    /// Waits until the exchange of <paramref name="request"/> has completed, and returns it: its <see cref="RecordedRequest.StatusCode"/>,
    /// <see cref="RecordedRequest.AnsweredBy"/>, <see cref="RecordedRequest.Duration"/> and sizes are then final. A client can read the
    /// whole response a moment before the server has written the last of its record, so read those right after a call through this.
    /// </summary>
    /// <param name="request">A request of this server's journal.</param>
    /// <param name="timeout">How long to wait; <see langword="null"/> for <see cref="HttpFixtureOptions.DefaultWaitTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The same request, completed.</returns>
    /// <exception cref="TimeoutException">The exchange did not complete in time, as for a response a stub still holds back.</exception>
    public async Task<RecordedRequest> WaitForCompletionAsync(RecordedRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = timeout ?? _options.DefaultWaitTimeout;
        try
        {
            await request.WhenCompleted().WaitAsync(limit, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The exchange of {request} had not completed {JournalText.Duration(limit)} later: its response is still being sent or held back. Give a longer timeout, or let the response finish first.");
        }

        return request;
    }

    /// <summary>
    /// Returns the first <paramref name="count"/> requests that match, in arrival order, waiting for those yet to come;
    /// for code under test that sends in the background, such as retries or batches.
    /// </summary>
    /// <param name="count">How many matching requests to wait for; at least 1.</param>
    /// <param name="match">The predicate; <see langword="null"/> for any request.</param>
    /// <param name="timeout">How long to wait; <see langword="null"/> for <see cref="HttpFixtureOptions.DefaultWaitTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <param name="description">How the timeout message names the predicate; the compiler fills in its source text.</param>
    /// <returns>The requests, earliest first.</returns>
    /// <exception cref="TimeoutException">Fewer matched in time; the message names the predicate, says how many matched and lists what was received, matches and nearest first.</exception>
    /// <exception cref="ObjectDisposedException">The server was disposed before enough matched.</exception>
    public Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(int count, Func<RecordedRequest, bool>? match = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default, [CallerArgumentExpression(nameof(match))] string? description = null) =>
        _journal.WaitAsync(TestView.Wait(match, description), count, timeout ?? _options.DefaultWaitTimeout, cancellationToken);

    /// <summary>
    /// Returns the next request not yet taken, waiting for it if need be: the journal as a queue, as OkHttp's MockWebServer.takeRequest.
    /// Each request is taken once, in arrival order, whatever other waits have returned.
    /// </summary>
    /// <param name="timeout">How long to wait; <see langword="null"/> for <see cref="HttpFixtureOptions.DefaultWaitTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The request.</returns>
    /// <exception cref="TimeoutException">No request arrived in time; the message, in the form of the other waits', lists what was received (and taken) before.</exception>
    /// <exception cref="ObjectDisposedException">The server was disposed before a request arrived.</exception>
    public Task<RecordedRequest> TakeRequestAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _journal.TakeAsync(timeout ?? _options.DefaultWaitTimeout, cancellationToken);

    /// <summary>
    /// Empties the journal; sequence numbers go on from where they were, the next take returns the next request to arrive,
    /// and a wait still pending counts only requests that arrive from now on. It forgets only what was received:
    /// <see cref="Reset"/> also forgets what the test set up to answer (stubs, queue, problems), as a shared server needs between tests.
    /// </summary>
    public void ClearRequests()
    {
        // Inside a test on a shared server, only that test's requests go: its neighbours' stay theirs.
        if (TestScope.Current is { } scope)
        {
            ReleaseRequests(scope);
            return;
        }

        _journal.Clear();
    }

    /// <summary>
    /// Returns the journal as text, a line per request ("#2 POST /upload (31 B) → 200"), for test logs; below a request that opened
    /// an event stream or a WebSocket, a line per event or message with its time since the request arrived; with chaos rules or
    /// rate limits, a last paragraph names them and the <see cref="ChaosSeed"/> that replays them.
    /// </summary>
    /// <returns>The summary; "No requests received." when the journal is empty.</returns>
    public string JournalSummary()
    {
        var requests = Requests;
        var chaos = ChaosNote();
        if (requests.Count == 0)
        {
            return chaos is null ? "No requests received." : $"No requests received.\n{chaos}\n";
        }

        var text = new StringBuilder();
        var scope = TestScope.Current;
        foreach (var request in requests)
        {
            text.Append(request).Append(TestView.Mark(scope, request)).Append('\n');
            StreamText.AppendLines(text, request);
        }

        if (chaos is not null)
        {
            text.Append(chaos).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// Writes the journal to <paramref name="path"/> as a HAR 1.2 file, requests and responses with their headers and request
    /// bodies (text, or base64 when binary), which browser developer tools and HAR viewers open. With <see cref="HttpFixtureOptions.ProxyTo(Uri)"/>
    /// (or <see cref="HttpFixtureOptions.RecordResponseBodies"/>) it writes response bodies too, so that <see cref="HttpFixtureOptions.ReplayHar"/>
    /// plays the file back. The values of <see cref="HttpFixtureOptions.RedactedHeaders"/> (Authorization, Cookie, Set-Cookie) are written
    /// as "REDACTED". The file is indented, one entry per exchange, text bodies as text, so that a committed recording diffs well.
    /// </summary>
    /// <remarks>
    /// A server that replays and proxies at once refreshes a recording: the file gets every entry of the replayed files first, as
    /// they were and in their order (those replay skips included), then what this run asked that the replay did not answer.
    /// The file is written to a temp name beside <paramref name="path"/> and renamed over it once complete, so a write that fails
    /// (a full disk) leaves the file that was there before. A body that is not text in its declared charset is kept as base64,
    /// with <c>"encoding": "base64"</c>, so every body can be read back byte for byte.
    /// </remarks>
    /// <param name="path">The file to write; it is replaced if it exists, and its folder is created if it does not. A relative path is
    /// taken from the current directory, which under <c>dotnet test</c> is the test project's output folder (bin/…), not its source folder.</param>
    /// <exception cref="IOException">The folder could not be created or the file could not be written; the message names which.</exception>
    public void SaveHar(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var requests = Requests;
        var redaction = new HeaderRedaction(_options.RedactedHeaders);
        var kept = _replay is not null && _options.Upstream is not null ? _replay.Kept : null;
        HarFileTarget.Write(path, stream => HarWriter.Write(stream, requests, BaseAddress, redaction, kept));
    }

    /// <summary>Asserts that at least one request with <paramref name="method"/> and <paramref name="path"/> has arrived, and returns the earliest.</summary>
    /// <param name="method">The method, such as <see cref="HttpMethod.Post"/>.</param>
    /// <param name="path">The decoded path, such as "/orders"; with a '?', the query must match too ("/search?q=a").</param>
    /// <returns>The earliest matching request, for further assertions on it.</returns>
    /// <exception cref="HttpFixtureAssertionException">None arrived; the message lists what did, nearest match first.</exception>
    public RecordedRequest ShouldHaveReceived(HttpMethod method, string path) =>
        JournalAssertions.Received(Requests, RequestPattern.Of(method, path), null)[0];

    /// <summary>Asserts that exactly <paramref name="times"/> requests with <paramref name="method"/> and <paramref name="path"/> have arrived.</summary>
    /// <param name="method">The method, such as <see cref="HttpMethod.Post"/>.</param>
    /// <param name="path">The decoded path, such as "/orders"; with a '?', the query must match too ("/search?q=a").</param>
    /// <param name="times">How many such requests must have arrived; 0 asserts that none did.</param>
    /// <returns>The matching requests, earliest first.</returns>
    /// <exception cref="HttpFixtureAssertionException">Another number arrived; the message lists what did, nearest match first.</exception>
    public IReadOnlyList<RecordedRequest> ShouldHaveReceived(HttpMethod method, string path, int times) =>
        JournalAssertions.Received(Requests, RequestPattern.Of(method, path), CheckTimes(times));

    /// <summary>Asserts that at least one request matching <paramref name="match"/> has arrived, and returns the earliest.</summary>
    /// <param name="match">The predicate.</param>
    /// <param name="description">How the failure message names the predicate; the compiler fills in its source text.</param>
    /// <returns>The earliest matching request.</returns>
    /// <exception cref="HttpFixtureAssertionException">None arrived; the message lists what did.</exception>
    public RecordedRequest ShouldHaveReceived(Func<RecordedRequest, bool> match, [CallerArgumentExpression(nameof(match))] string? description = null) =>
        JournalAssertions.Received(Requests, RequestPattern.Of(match, description), null)[0];

    /// <summary>Asserts that exactly <paramref name="times"/> requests matching <paramref name="match"/> have arrived.</summary>
    /// <param name="match">The predicate.</param>
    /// <param name="times">How many matching requests must have arrived; 0 asserts that none did.</param>
    /// <param name="description">How the failure message names the predicate; the compiler fills in its source text.</param>
    /// <returns>The matching requests, earliest first.</returns>
    /// <exception cref="HttpFixtureAssertionException">Another number arrived; the message lists what did, matches first.</exception>
    public IReadOnlyList<RecordedRequest> ShouldHaveReceived(Func<RecordedRequest, bool> match, int times, [CallerArgumentExpression(nameof(match))] string? description = null) =>
        JournalAssertions.Received(Requests, RequestPattern.Of(match, description), CheckTimes(times));

    /// <summary>Asserts that the journal is empty: the code under test sent no request (since the last <see cref="ClearRequests"/>).</summary>
    /// <exception cref="HttpFixtureAssertionException">Something arrived; the message lists it.</exception>
    public void ShouldHaveReceivedNothing() => JournalAssertions.Nothing(Requests);

    /// <summary>
    /// Asserts that every request was accounted for by a <c>ShouldHaveReceived</c>, a wait (<see cref="WaitForRequestAsync(Func{RecordedRequest, bool}?, TimeSpan?, CancellationToken, string?)"/>,
    /// <see cref="WaitForRequestsAsync"/>) or a <see cref="TakeRequestAsync"/>; call it last, to catch calls the code under test
    /// should not have made, as Mockito's verifyNoMoreInteractions does.
    /// </summary>
    /// <exception cref="HttpFixtureAssertionException">Some request was not accounted for; the message lists those.</exception>
    public void ShouldHaveReceivedNothingElse() => JournalAssertions.NothingElse(Requests);

    private static int CheckTimes(int times)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(times);
        return times;
    }
}
