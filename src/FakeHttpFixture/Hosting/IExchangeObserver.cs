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

    /// <summary>
    /// Called once per request as it joins the journal, before any stage answers it, for an observer that shows requests as they
    /// arrive (the inspector); an observer that only checks completed exchanges leaves it as it is, doing nothing.
    /// </summary>
    /// <param name="request">The request, its request side final; its response side not yet (<see cref="RecordedRequest.IsCompleted"/> is false).</param>
    /// <param name="server">The server that recorded it.</param>
    void OnRequestArrived(RecordedRequest request, HttpFixtureServer server)
    {
    }

    /// <summary>Forgets what the observer gathered, when <see cref="HttpFixtureServer.Reset"/> is called.</summary>
    void Reset()
    {
    }
}
