namespace FakeHttpFixture;

/// <summary>
/// Observes every exchange of a server once it has completed, with the request and the response as the journal holds them:
/// added by an add-on package with <see cref="HttpFixtureServer.AddObserver"/>, for checks such as a contract's.
/// </summary>
/// <remarks>
/// It runs on the server's thread after the response has been sent (or broken off): keep it short. What it finds wrong it reports
/// with <see cref="HttpFixtureServer.ReportProblem"/>, which fails <see cref="HttpFixtureServer.Verify"/>; an exception it throws is
/// reported the same way and never reaches the client.
/// </remarks>
public interface IExchangeObserver
{
    /// <summary>Called once per request, after its exchange has completed.</summary>
    /// <param name="request">The request, its response side final (<see cref="RecordedRequest.StatusCode"/>, <see cref="RecordedRequest.ResponseBody"/> when recorded).</param>
    /// <param name="server">The server that recorded it.</param>
    void OnExchangeCompleted(RecordedRequest request, HttpFixtureServer server);

    /// <summary>Forgets what the observer gathered, when <see cref="HttpFixtureServer.Reset"/> is called.</summary>
    void Reset()
    {
    }
}
