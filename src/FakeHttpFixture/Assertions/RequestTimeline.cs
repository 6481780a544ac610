namespace FakeHttpFixture;

/// <summary>
/// The requests of one kind the server received, in arrival order, with assertions on how the client behaved across them: how often
/// it retried, whether it waited as Retry-After said and backed off, kept its idempotency key, reused its connections, revalidated
/// what it had cached, and stopped when cancelled. Made by <see cref="HttpFixtureServer.Timeline(HttpMethod, string)"/>.
/// </summary>
/// <remarks>
/// Each assertion reads the journal when it is called, so a timeline can be made before the code under test runs. A failing
/// assertion throws <see cref="HttpFixtureAssertionException"/> whose message says what went wrong and shows the timeline: each
/// request's time since the first and gap since the one before, its status, connection id and position on the connection, and the
/// headers the assertion is about ("&gt;" sent by the client, "&lt;" answered by the server); with chaos rules, it ends with the seed.
/// </remarks>
public sealed class RequestTimeline
{
    private readonly RequestJournal _journal;
    private readonly RequestPattern _pattern;
    private readonly Func<string?> _chaosNote;

    internal RequestTimeline(RequestJournal journal, RequestPattern pattern, Func<string?> chaosNote)
    {
        _journal = journal;
        _pattern = pattern;
        _chaosNote = chaosNote;
    }

    /// <summary>Gets the matching requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _journal.Snapshot().Where(_pattern.Matches)];

    /// <summary>Asserts that the client retried exactly <paramref name="times"/> times: <paramref name="times"/> + 1 matching requests in all.</summary>
    /// <param name="times">The retries; 0 asserts a single request.</param>
    /// <returns>This timeline, for more assertions.</returns>
    /// <exception cref="HttpFixtureAssertionException">Another number arrived; the message shows the timeline.</exception>
    public RequestTimeline ShouldHaveRetried(int times)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(times);
        return Check(requests => RetryAssertions.Retried(_pattern.Description, requests, times, _chaosNote()));
    }

    /// <summary>
    /// Asserts that after every answer with a Retry-After header (seconds or an HTTP date) the client's next request came no
    /// earlier than it said, counted from when the answer went out, less 20 ms for timer granularity.
    /// </summary>
    /// <returns>This timeline, for more assertions.</returns>
    /// <exception cref="HttpFixtureAssertionException">A request came too early, or no answer followed by a request had a Retry-After to respect.</exception>
    public RequestTimeline ShouldHaveRespectedRetryAfter() =>
        Check(requests => RetryAfterAssertions.Respected(_pattern.Description, requests, _chaosNote()));

    /// <summary>
    /// Asserts that the client backed off: each wait between two requests was longer than the wait before it, by 10% and 5 ms at the
    /// least, so that timing noise never passes a client that waits the same each time. It takes 3 requests or more.
    /// </summary>
    /// <returns>This timeline, for more assertions.</returns>
    /// <exception cref="HttpFixtureAssertionException">A wait did not grow, or there were fewer than 3 requests.</exception>
    public RequestTimeline ShouldHaveBackedOff() =>
        Check(requests => RetryAssertions.BackedOff(_pattern.Description, requests, _chaosNote()));

    /// <summary>Asserts that every request sent the header <paramref name="name"/> with the same value, such as an Idempotency-Key kept across retries. It takes 2 requests or more.</summary>
    /// <param name="name">The header name, in any case.</param>
    /// <returns>This timeline, for more assertions.</returns>
    /// <exception cref="HttpFixtureAssertionException">A request sent another value or none.</exception>
    public RequestTimeline ShouldHaveKeptHeader(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Check(requests => IdempotencyAssertions.KeptHeader(_pattern.Description, requests, name, _chaosNote()));
    }

    /// <summary>Asserts that every request after the first came over a connection an earlier one had used: the client kept its connection alive. It takes 2 requests or more.</summary>
    /// <returns>This timeline, for more assertions.</returns>
    /// <exception cref="HttpFixtureAssertionException">A request came over a new connection.</exception>
    public RequestTimeline ShouldHaveReusedConnections() =>
        Check(requests => ConnectionAssertions.Reused(_pattern.Description, requests, _chaosNote()));

    /// <summary>Asserts that every request came over a connection of its own, as after a broken connection or with "Connection: close". It takes 2 requests or more.</summary>
    /// <returns>This timeline, for more assertions.</returns>
    /// <exception cref="HttpFixtureAssertionException">A request reused a connection.</exception>
    public RequestTimeline ShouldHaveUsedNewConnections() =>
        Check(requests => ConnectionAssertions.New(_pattern.Description, requests, _chaosNote()));

    /// <summary>
    /// Asserts that the client revalidated what it had cached: after an answer with an ETag, its next request sent If-None-Match
    /// with that tag; after one with only Last-Modified, If-Modified-Since.
    /// </summary>
    /// <returns>This timeline, for more assertions.</returns>
    /// <exception cref="HttpFixtureAssertionException">A request did not revalidate, or no answer had a validator to revalidate with.</exception>
    public RequestTimeline ShouldHaveRevalidated() =>
        Check(requests => RevalidationAssertions.Revalidated(_pattern.Description, requests, _chaosNote()));

    /// <summary>
    /// Asserts that no matching request arrived after <paramref name="cancellation"/>, and goes on watching for
    /// <paramref name="watchFor"/>, failing as soon as one arrives: a client that retries after a cancellation is caught even when
    /// its retry comes later. Wait for the requests already on their way before cancelling, so they count as sent before.
    /// </summary>
    /// <param name="cancellation">The mark made by <see cref="HttpFixtureServer.MarkCancellation(CancellationToken)"/> before the test cancelled.</param>
    /// <param name="watchFor">How long to keep watching; longer than the client's retry delay. Zero checks only what has arrived.</param>
    /// <param name="cancellationToken">Cancels the watch.</param>
    /// <returns>A task that completes when the watch is over and nothing came.</returns>
    /// <exception cref="HttpFixtureAssertionException">A request came after the cancellation, or the token was never cancelled.</exception>
    public Task ShouldSendNothingAfterAsync(CancellationMark cancellation, TimeSpan watchFor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cancellation);
        ArgumentOutOfRangeException.ThrowIfLessThan(watchFor, TimeSpan.Zero);
        return CancellationAssertions.NothingAfterAsync(_journal, _pattern, cancellation, watchFor, _chaosNote, cancellationToken);
    }

    /// <summary>Returns the timeline as the assertions show it, with the headers they look at.</summary>
    /// <returns>The timeline.</returns>
    public override string ToString() => TimelineText.Write(_pattern.Description, Requests,
    [
        TimelineHeader.Sent("Idempotency-Key"), TimelineHeader.Sent("If-None-Match"), TimelineHeader.Answered(RetryAfterHeader.Name), TimelineHeader.Answered("ETag"),
    ]);

    private RequestTimeline Check(Action<IReadOnlyList<RecordedRequest>> assertion)
    {
        var requests = Requests;
        assertion(requests);
        foreach (var request in requests)
        {
            request.Checked = true;
        }

        return this;
    }
}
