namespace FakeHttpFixture;

/// <summary>Names the stage of the server that answered a request; <see cref="RecordedRequest.AnsweredBy"/> reports it.</summary>
/// <remarks>The values follow the order in which the stages are asked, and the first stage that answers wins.</remarks>
public enum ResponseSource
{
    /// <summary>No stage answered: the request is still being answered, its body broke off or was refused (see <see cref="RecordedRequest.Aborted"/> and <see cref="RecordedRequest.Rejected"/>), or the server failed.</summary>
    None,

    /// <summary>A CORS preflight, answered by the server itself (<see cref="HttpFixtureOptions.EnableCors"/>).</summary>
    Cors,

    /// <summary>A server-wide rate limit (<see cref="HttpFixtureOptions.AddRateLimit(FakeHttpFixture.RateLimit)"/>) refused the request, with 429 or the status it was given.</summary>
    RateLimit,

    /// <summary>A server-wide chaos rule (<see cref="HttpFixtureOptions.AddChaos(FakeHttpFixture.Chaos)"/>) answered instead of the stages after it; <see cref="RecordedRequest.ChaosRule"/> names it.</summary>
    Chaos,

    /// <summary>The next response of the queue (<see cref="HttpFixtureServer.Enqueue(StubResponse)"/>).</summary>
    Queue,

    /// <summary>A stub (<see cref="HttpFixtureServer.Stub(HttpMethod?, string)"/>).</summary>
    Stub,

    /// <summary>A stage an add-on package added (<see cref="HttpFixtureServer.AddStage"/>); <see cref="RecordedRequest.AnsweringStage"/> names it.</summary>
    Extension,

    /// <summary>A response of a HAR file (<see cref="HttpFixtureOptions.ReplayHar"/>), asked after the stubs so that a test's own stubs win.</summary>
    Replay,

    /// <summary>An upload or delete in the served tree (<see cref="HttpFixtureOptions.AcceptUploads"/>).</summary>
    Upload,

    /// <summary>A file, index page, directory listing or redirect of the served tree.</summary>
    File,

    /// <summary>The upstream of <see cref="HttpFixtureOptions.ProxyTo(Uri)"/>, for what no stub, replayed entry or file answered; also the 502 the fixture answers when the upstream fails.</summary>
    Proxy,

    /// <summary>The fallback, for what nothing else answered: 404 for GET and HEAD, <see cref="HttpFixtureOptions.FallbackStatusCode"/> otherwise, 501 in <see cref="HttpFixtureOptions.Strict"/> mode.</summary>
    Fallback,
}
