namespace FakeHttpFixture;

/// <summary>
/// Builds the stages that answer a request, in the documented order: CORS preflights (opt-in), rate limits and chaos (opt-in), the
/// queue, stubs, added stages, replayed HAR entries (opt-in), added stages, uploads into the tree (opt-in), files, the proxy (opt-in), fallback. Stages a server does not use are left out rather than skipped per request.
/// </summary>
internal static class ResponderChain
{
    public static IResponder[] Create(HttpFixtureOptions options, ServedTree tree, StubRegistry stubs, ResponseQueue queue, ProblemLog problems, ServerChaos serverChaos, ExtensionPoints extensions, CancellationToken stopping, ReplayBook? replay = null, HttpMessageInvoker? upstream = null)
    {
        var player = new ResponsePlayer(tree, problems, stopping);
        var chaos = new ChaosPlayer(player, serverChaos.Seed, stopping);
        var chain = new List<IResponder>(12);
        if (options.EnableCors)
        {
            chain.Add(new CorsResponder());
        }

        // A gateway's limit comes before a flaky backend: a refused request never reaches the chaos rules.
        if (serverChaos.Limiters.Length != 0)
        {
            chain.Add(new RateLimitResponder(serverChaos.Limiters, chaos));
        }

        if (serverChaos.Rules.Length != 0)
        {
            chain.Add(new ChaosResponder(serverChaos.Rules, chaos));
        }

        chain.Add(new QueuedResponder(queue, player));
        chain.Add(new StubResponder(stubs, player, chaos));

        // Added stages can come at any time, even after start, so their two places are always in the chain; empty, each costs a length check.
        chain.Add(new ExtensionResponder(extensions, StagePosition.WithStubs, player));
        if (replay is not null)
        {
            chain.Add(new ReplayResponder(replay));
        }

        chain.Add(new ExtensionResponder(extensions, StagePosition.AfterReplay, player));

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

        chain.Add(new FallbackResponder(options.Strict, options.FallbackStatusCode, problems, stubs, options.MissReportStubCount, replay is null ? null : replay.Explain));
        return [.. chain];
    }
}
