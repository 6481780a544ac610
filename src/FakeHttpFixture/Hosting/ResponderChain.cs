namespace FakeHttpFixture;

/// <summary>
/// Builds the stages that answer a request, in the documented order: CORS preflights (opt-in), the queue, stubs, uploads into
/// the tree (opt-in), files, fallback. Stages a server does not use are left out rather than skipped per request.
/// </summary>
internal static class ResponderChain
{
    public static IResponder[] Create(HttpFixtureOptions options, ServedTree tree, StubRegistry stubs, ResponseQueue queue, ProblemLog problems, CancellationToken stopping)
    {
        var player = new ResponsePlayer(tree, problems, stopping);
        var chain = new List<IResponder>(6);
        if (options.EnableCors)
        {
            chain.Add(new CorsResponder());
        }

        chain.Add(new QueuedResponder(queue, player));
        chain.Add(new StubResponder(stubs, player));
        if (options.AcceptUploads)
        {
            chain.Add(new UploadResponder(tree));
        }

        chain.Add(new StaticFileResponder(tree, options.DirectoryListing));
        chain.Add(new FallbackResponder(options.Strict, options.FallbackStatusCode, problems, stubs, options.MissReportStubCount));
        return [.. chain];
    }
}
