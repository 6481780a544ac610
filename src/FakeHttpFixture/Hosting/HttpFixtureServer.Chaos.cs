using System.Runtime.CompilerServices;

namespace FakeHttpFixture;

/// <content>
/// Chaos and how the client coped with it: the seed that replays the server's chaos rules, timelines of what a client sent with
/// assertions on its behaviour (retries, Retry-After, backoff, idempotency keys, connections, revalidation), and the mark that
/// tells those assertions when the test cancelled.
/// </content>
public sealed partial class HttpFixtureServer
{
    /// <summary>
    /// Gets the seed this server's chaos rules draw their shares from when they have none of their own: <see cref="HttpFixtureOptions.ChaosSeed"/>,
    /// else the FAKEHTTP_CHAOS_SEED environment variable, else one drawn at random at start. Failure messages and
    /// <see cref="JournalSummary"/> print it when the server has chaos rules, so a failing run can be replayed.
    /// </summary>
    public int ChaosSeed => _chaos.Seed;

    /// <summary>Returns the timeline of the requests with <paramref name="method"/> and <paramref name="path"/>, to assert how the client behaved across them.</summary>
    /// <param name="method">The method, such as <see cref="HttpMethod.Get"/>.</param>
    /// <param name="path">The decoded path, such as "/orders/42"; with a '?', the query must match too.</param>
    /// <returns>The timeline: <c>srv.Timeline(HttpMethod.Post, "/orders").ShouldHaveRetried(2).ShouldHaveKeptHeader("Idempotency-Key")</c>.</returns>
    public RequestTimeline Timeline(HttpMethod method, string path) => new(_journal, RequestPattern.Of(method, path), ChaosNote);

    /// <summary>Returns the timeline of the requests that match <paramref name="match"/>, or of every request, to assert how the client behaved across them.</summary>
    /// <param name="match">The predicate; <see langword="null"/> for every request.</param>
    /// <param name="description">How failure messages name the predicate; the compiler fills in its source text.</param>
    /// <returns>The timeline.</returns>
    public RequestTimeline Timeline(Func<RecordedRequest, bool>? match = null, [CallerArgumentExpression(nameof(match))] string? description = null) =>
        new(_journal, match is null ? RequestPattern.Named("every request", static _ => true) : RequestPattern.Of(match, description), ChaosNote);

    /// <summary>
    /// Marks on the journal the moment <paramref name="token"/> is cancelled, for
    /// <see cref="RequestTimeline.ShouldSendNothingAfterAsync(CancellationMark, TimeSpan, CancellationToken)"/>. Call it before the test
    /// cancels: pass the token the code under test was given.
    /// </summary>
    /// <param name="token">The token the test will cancel.</param>
    /// <returns>The mark; it is set when the token is cancelled, or at once if it already is.</returns>
    public CancellationMark MarkCancellation(CancellationToken token)
    {
        var mark = new CancellationMark(_journal);
        if (token.CanBeCanceled)
        {
            token.UnsafeRegister(static state => ((CancellationMark)state!).Note(), mark);
        }

        return mark;
    }

    /// <summary>Returns the chaos seed and rules for failure messages, or null when the server and its stubs have none.</summary>
    internal string? ChaosNote() => _chaos.Note(_stubs.All.Where(s => s.ChaosRules is not null).Select(s => (s.ToString(), s.ChaosRules!)));
}
