namespace FakeHttpFixture;

/// <summary>
/// Builds the stages that answer a request, in the documented order: CORS preflights (opt-in), the queue, stubs, replayed HAR
/// entries (opt-in), uploads into the tree (opt-in), files, the proxy (opt-in), fallback. Stages a server does not use are left out
/// rather than skipped per request.
/// </summary>
internal static class ResponderChain
{
    public static IResponder[] Create(HttpFixtureOptions options, ServedTree tree, StubRegistry stubs, ResponseQueue queue, ProblemLog problems, CancellationToken stopping, ReplayBook? replay = null, HttpMessageInvoker? upstream = null)
    {
        var player = new ResponsePlayer(tree, problems, stopping);
        var chain = new List<IResponder>(6);
        if (options.EnableCors)
        {
            chain.Add(new CorsResponder());
        }

        chain.Add(new QueuedResponder(queue, player));
        chain.Add(new StubResponder(stubs, player));
        if (replay is not null)
        {
            chain.Add(new ReplayResponder(replay));
        }

        if (options.AcceptUploads)
        {
            chain.Add(new UploadResponder(tree));
        }

        // A proxying server lists no directory of its own: the upstream answers for "/" and the rest.
        chain.Add(new StaticFileResponder(tree, options.DirectoryListing && upstream is null));
        if (upstream is not null)
        {
            chain.Add(new ProxyResponder(options.Upstream!, upstream, options.UpstreamTimeout, stopping));
        }

        chain.Add(new FallbackResponder(options.Strict, options.FallbackStatusCode, problems, stubs, options.MissReportStubCount));
        return [.. chain];
    }
}
