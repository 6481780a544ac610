using System.Runtime.CompilerServices;

namespace FakeHttpFixture;

/// <content>
/// Assertions on the journal that need no assertion library and read like Shouldly's. They look at what has arrived and do not wait:
/// a request is in the journal before its client sees the response. Failures throw <see cref="HttpFixtureAssertionException"/>.
/// </content>
public sealed partial class HttpFixtureServer
{
    /// <summary>ShouldHaveReceived asserts that at least one request with <paramref name="method"/> and <paramref name="path"/> has arrived, and returns the earliest.</summary>
    /// <param name="method">The method, such as "POST"; compared without regard to case.</param>
    /// <param name="path">The decoded path, such as "/orders"; with a '?', the query must match too ("/search?q=a").</param>
    /// <returns>The earliest matching request, for further assertions on it.</returns>
    /// <exception cref="HttpFixtureAssertionException">None arrived; the message lists what did, nearest match first.</exception>
    public RecordedRequest ShouldHaveReceived(string method, string path) =>
        JournalAssertions.Received(Requests, RequestPattern.Of(method, path), null)[0];

    /// <summary>ShouldHaveReceived asserts that exactly <paramref name="times"/> requests with <paramref name="method"/> and <paramref name="path"/> have arrived.</summary>
    /// <param name="method">The method, such as "POST"; compared without regard to case.</param>
    /// <param name="path">The decoded path, such as "/orders"; with a '?', the query must match too ("/search?q=a").</param>
    /// <param name="times">How many such requests must have arrived; 0 asserts that none did.</param>
    /// <returns>The matching requests, earliest first.</returns>
    /// <exception cref="HttpFixtureAssertionException">Another number arrived; the message lists what did, nearest match first.</exception>
    public IReadOnlyList<RecordedRequest> ShouldHaveReceived(string method, string path, int times) =>
        JournalAssertions.Received(Requests, RequestPattern.Of(method, path), CheckTimes(times));

    /// <summary>ShouldHaveReceived asserts that at least one request matching <paramref name="match"/> has arrived, and returns the earliest.</summary>
    /// <param name="match">The predicate.</param>
    /// <param name="description">How the failure message names the predicate; the compiler fills in its source text.</param>
    /// <returns>The earliest matching request.</returns>
    /// <exception cref="HttpFixtureAssertionException">None arrived; the message lists what did.</exception>
    public RecordedRequest ShouldHaveReceived(Func<RecordedRequest, bool> match, [CallerArgumentExpression(nameof(match))] string? description = null) =>
        JournalAssertions.Received(Requests, RequestPattern.Of(match, description), null)[0];

    /// <summary>ShouldHaveReceived asserts that exactly <paramref name="times"/> requests matching <paramref name="match"/> have arrived.</summary>
    /// <param name="match">The predicate.</param>
    /// <param name="times">How many matching requests must have arrived; 0 asserts that none did.</param>
    /// <param name="description">How the failure message names the predicate; the compiler fills in its source text.</param>
    /// <returns>The matching requests, earliest first.</returns>
    /// <exception cref="HttpFixtureAssertionException">Another number arrived; the message lists what did, matches first.</exception>
    public IReadOnlyList<RecordedRequest> ShouldHaveReceived(Func<RecordedRequest, bool> match, int times, [CallerArgumentExpression(nameof(match))] string? description = null) =>
        JournalAssertions.Received(Requests, RequestPattern.Of(match, description), CheckTimes(times));

    /// <summary>ShouldHaveReceivedNothing asserts that the journal is empty: the code under test sent no request (since the last <see cref="ClearRequests"/>).</summary>
    /// <exception cref="HttpFixtureAssertionException">Something arrived; the message lists it.</exception>
    public void ShouldHaveReceivedNothing() => JournalAssertions.Nothing(Requests);

    /// <summary>
    /// ShouldHaveReceivedNothingElse asserts that every request was accounted for by a <c>ShouldHaveReceived</c>, a wait
    /// (<see cref="WaitForRequestAsync"/>, <see cref="WaitForRequestsAsync"/>) or a <see cref="TakeRequestAsync"/>; call it last,
    /// to catch calls the code under test should not have made, as Mockito's verifyNoMoreInteractions does.
    /// </summary>
    /// <exception cref="HttpFixtureAssertionException">Some request was not accounted for; the message lists those.</exception>
    public void ShouldHaveReceivedNothingElse() => JournalAssertions.NothingElse(Requests);

    private static int CheckTimes(int times)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(times);
        return times;
    }
}
