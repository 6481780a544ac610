namespace FakeHttpFixture;

/// <summary>
/// An answering stage that an add-on package adds to a server with <see cref="HttpFixtureServer.AddStage"/>: it answers a request
/// and returns <see langword="true"/>, or returns <see langword="false"/> to leave it to the stages after it.
/// </summary>
/// <remarks>
/// A stage writes its answer through <see cref="FixtureExchange.HttpContext"/>. The server records the status, headers, body bytes,
/// an abort and the duration for it, as for its own stages; the stage never writes to the journal. A stage is asked from the
/// server's threads, concurrently for concurrent requests: keep it thread-safe, and let it throw only for a bug (the client then
/// gets 500 and <see cref="HttpFixtureServer.Verify"/> is not affected).
/// </remarks>
public interface IAnsweringStage
{
    /// <summary>Gets the name the journal gives the stage when it answers (<see cref="RecordedRequest.AnsweringStage"/>), such as "grpc".</summary>
    string Name { get; }

    /// <summary>Answers the exchange and returns <see langword="true"/>, or returns <see langword="false"/> without writing anything.</summary>
    /// <param name="exchange">The request, already recorded, and its response.</param>
    /// <returns><see langword="true"/> when the stage answered.</returns>
    ValueTask<bool> TryAnswerAsync(FixtureExchange exchange);

    /// <summary>
    /// Returns whether the stage will answer <paramref name="request"/> while its body is still arriving, such as a bidirectional
    /// gRPC call whose client waits for a reply before it sends more. It is asked before the body is read, from the request line
    /// and headers only. When a stage says yes, the server does not read the body first: the request joins the journal at once
    /// with an empty body, the stages read the body through <see cref="FixtureExchange.HttpContext"/>, and the bytes they read
    /// become the journal's body when the exchange completes. By default a stage does not: every request it sees is whole.
    /// </summary>
    /// <param name="request">The request, before its body is read.</param>
    /// <returns><see langword="true"/> to have the body left to the stages.</returns>
    bool AnswersWhileBodyArrives(Microsoft.AspNetCore.Http.HttpRequest request) => false;

    /// <summary>Forgets what the test set up, when <see cref="HttpFixtureServer.Reset"/> is called; a stage that keeps nothing per test does nothing.</summary>
    void Reset()
    {
    }
}
