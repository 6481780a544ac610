using Microsoft.Extensions.FileProviders;

namespace FakeHttpFixture;

/// <summary>
/// Builds the stages that answer a request, in the documented order: CORS preflights (opt-in), the queue, stubs,
/// uploads into the tree (opt-in), files, fallback. Stages a server does not use are left out rather than skipped per request.
/// </summary>
internal static class ResponderChain
{
    public static IResponder[] Create(HttpFixtureOptions options, IFileProvider files, StubRegistry stubs)
    {
        var chain = new List<IResponder>(6);
        if (options.EnableCors)
        {
            chain.Add(new CorsResponder());
        }

        chain.Add(new QueuedResponder(stubs));
        chain.Add(new StubResponder(stubs));
        if (options.AcceptUploads)
        {
            chain.Add(new UploadResponder(files, options));
        }

        chain.Add(new StaticFileResponder(files, options));
        chain.Add(new FallbackResponder(stubs));
        return [.. chain];
    }
}
