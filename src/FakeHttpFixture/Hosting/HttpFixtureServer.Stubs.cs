using System.Text.RegularExpressions;

namespace FakeHttpFixture;

/// <content>What the server answers, and the check that nothing unexpected happened.</content>
public sealed partial class HttpFixtureServer
{
    /// <summary>
    /// Adds a stub for requests with <paramref name="method"/> to <paramref name="path"/>: an exact path ("/health") or a route
    /// template ("/orders/{id}", "/files/{**rest}") whose values handlers read from <c>context.Request.RouteValues</c>.
    /// An absolute URL ("https://api.github.com/repos/{owner}/{repo}") matches that scheme, host and port only, for a server that
    /// stands in for several hosts (<see cref="HttpFixtureOptions.ForHosts"/>).
    /// Queued responses come first, then stubs (the last added that matches wins), then files, then the fallback.
    /// </summary>
    /// <param name="method">The method to match, such as <see cref="HttpMethod.Get"/>; <see langword="null"/> for any.</param>
    /// <param name="path">The path or template, starting with '/', or an absolute http:// or https:// URL of a routed host.</param>
    /// <returns>The stub, to add conditions and responses to: <c>srv.Stub(HttpMethod.Get, "/orders/{id}").Respond(StubResponse.Json(order))</c>.</returns>
    public HttpStub Stub(HttpMethod? method, string path)
    {
        var host = TakeStubHost(ref path, nameof(path));
        return _stubs.Add(new HttpStub(method, StubPath.ExactOrTemplate(path), host));
    }

    /// <summary>Adds a stub for requests with <paramref name="method"/> whose path matches <paramref name="path"/>; its named groups become route values.</summary>
    /// <param name="method">The method to match; <see langword="null"/> for any.</param>
    /// <param name="path">The expression, matched against the decoded path (anchor it with ^ and $ for a whole match).</param>
    /// <returns>The stub.</returns>
    public HttpStub Stub(HttpMethod? method, Regex path) => _stubs.Add(new HttpStub(method, StubPath.Pattern(path)));

    /// <summary>Adds a stub for requests with <paramref name="method"/> whose path is <paramref name="prefix"/> or lies below it ("/api" matches "/api/x" but not "/apix").</summary>
    /// <param name="method">The method to match; <see langword="null"/> for any.</param>
    /// <param name="prefix">The leading path segments, starting with '/', or an absolute URL of a routed host ("https://api.github.com/repos").</param>
    /// <returns>The stub.</returns>
    public HttpStub StubPrefix(HttpMethod? method, string prefix)
    {
        var host = TakeStubHost(ref prefix, nameof(prefix));
        return _stubs.Add(new HttpStub(method, StubPath.Prefix(prefix), host));
    }

    /// <summary>
    /// Adds <paramref name="response"/> to the queue: each request, whatever its path, takes the next queued response before stubs
    /// and files are asked, as with OkHttp's MockWebServer. An empty queue leaves requests to the stubs.
    /// </summary>
    /// <param name="response">The response.</param>
    /// <returns>This server, for chaining.</returns>
    public HttpFixtureServer Enqueue(StubResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        _queue.Enqueue(response);
        return this;
    }

    /// <summary>Adds an empty response with <paramref name="statusCode"/> to the queue: <c>srv.Enqueue(503).Enqueue(503)</c>.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <returns>This server, for chaining.</returns>
    public HttpFixtureServer Enqueue(int statusCode) => Enqueue(StubResponse.Status(statusCode));

    /// <summary>
    /// Empties the journal (as <see cref="ClearRequests"/> does: the next take returns the next request to arrive, and
    /// <see cref="ShouldHaveReceivedNothingElse"/> looks only at what arrives from now on) and forgets what the test set up to answer
    /// (stubs, queued responses) and the problems <see cref="Verify"/> would report, and replays HAR entries from the first again
    /// (<see cref="HttpFixtureOptions.ReplayHar"/>), so a server shared between tests starts each test clean; server-wide chaos
    /// rules count from 1 again and rate limits start with full quotas. The test-framework adapters call it before each test.
    /// </summary>
    public void Reset()
    {
        _journal.Clear();
        _stubs.Clear();
        _queue.Clear();
        _problems.Clear();
        _chaos.Reset();
        _replay?.Rewind();
        _extensions.Reset();
    }

    /// <summary>
    /// Returns the miss report of <paramref name="request"/>: a line saying what answered it, then the stubs nearest to it
    /// (<see cref="HttpFixtureOptions.MissReportStubCount"/>, nearest first), each condition marked ✓ or ✗ with what it expected and
    /// what it received. It is what the strict 501 body and <see cref="Verify"/> show, for any request of the journal; the
    /// test-framework adapters write it to a failed test's output for each request nothing answered.
    /// </summary>
    /// <param name="request">A request of this server's journal.</param>
    /// <returns>The report, several lines; it compares with the stubs set up now, which are the ones the request met unless the test changed them since.</returns>
    public string ExplainMiss(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return MissReport.Write(request, _stubs.All, _options.MissReportStubCount, MissReport.Headline(request), request.AnsweredBy == ResponseSource.Fallback ? _replay?.Explain(request) : null);
    }

    /// <summary>
    /// Throws one <see cref="HttpFixtureVerificationException"/> that lists everything that went wrong on the server side of the
    /// test: requests nothing answered in <see cref="HttpFixtureOptions.Strict"/> mode, required stubs never called and exceptions
    /// thrown by handlers (which the client saw as 500); with chaos rules, the message ends with the <see cref="ChaosSeed"/> that
    /// replays them. The test-framework adapters call it after each test. With observers added by a package (such as an OpenAPI
    /// contract check), it first waits, up to two seconds, for the exchanges in flight to complete and be observed, so that a check
    /// of a response the client already holds is never missed.
    /// </summary>
    /// <exception cref="HttpFixtureVerificationException">Something went wrong; the message lists each problem, and the inner exception is what a handler threw, if one did.</exception>
    public void Verify()
    {
        WaitForObservers();
        var scope = TestScope.Current;
        var problems = _problems.Snapshot(out var cause, scope is null ? null : r => TestView.Sees(scope, r));
        _stubs.AddUnusedRequired(problems);
        if (problems.Count != 0)
        {
            throw new HttpFixtureVerificationException(problems, cause, ChaosNote());
        }
    }
}
