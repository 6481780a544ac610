using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>
/// One request and its response, as an added stage (<see cref="IAnsweringStage"/>) sees them: the recorded request to decide on,
/// and the request's <see cref="Microsoft.AspNetCore.Http.HttpContext"/> to answer through.
/// </summary>
public sealed class FixtureExchange
{
    private readonly Exchange _exchange;
    private readonly ResponsePlayer _player;

    internal FixtureExchange(Exchange exchange, HttpFixtureServer server, ResponsePlayer player)
    {
        _exchange = exchange;
        _player = player;
        Server = server;
    }

    /// <summary>
    /// Gets the request, already in the journal with its whole body; for a request a stage answers while its body arrives
    /// (<see cref="IAnsweringStage.AnswersWhileBodyArrives"/>), with an empty body until the exchange completes.
    /// </summary>
    public RecordedRequest Request => _exchange.Request;

    /// <summary>Gets the request's context: write the response here (status, headers, body, trailers); the server records what goes out.</summary>
    public HttpContext HttpContext => _exchange.Context;

    /// <summary>Gets the server the request reached.</summary>
    public HttpFixtureServer Server { get; }

    /// <summary>Gets a token cancelled when the client goes away or the server stops.</summary>
    public CancellationToken Aborted => _exchange.Aborted;

    /// <summary>Breaks the response off (the connection, or the HTTP/2 stream), and records that it never came whole.</summary>
    public void Abort() => _exchange.Abort();

    /// <summary>
    /// Plays <paramref name="response"/> as a stub's response is played: its delays, throttling, chunks and faults, a file of the
    /// served tree, a handler. The journal records the fault it plays (<see cref="RecordedRequest.Fault"/>). It is how a stage that
    /// describes answers in its own format (WireMock mappings, say) reuses the server's responses rather than writing its own.
    /// </summary>
    /// <param name="response">The response to play.</param>
    /// <returns>A task that completes when the response has been sent, broken off, or given up because the client went away.</returns>
    public Task PlayAsync(StubResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return _player.PlayAsync(_exchange, response);
    }
}
