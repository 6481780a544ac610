namespace FakeHttpFixture;

/// <summary>
/// Turns on the inspector, the live page about a server at <c>/__fakehttp/</c>. The inspector is built on the server's public seam
/// (own pages and an exchange observer), as an add-on package would be, so the server knows nothing of it; these are extension
/// methods for that reason, and read as members: <c>options.EnableInspector()</c>.
/// </summary>
public static class InspectorExtensions
{
    /// <summary>
    /// Serves the inspector at <c>/__fakehttp/</c> on the server's own port once it starts: a live list of the requests it receives,
    /// each with its headers, body, response, stream and miss report, the stubs it holds and a HAR download
    /// (<see cref="HttpFixtureServer.InspectorAddress"/>). Its own requests are never recorded. It answers only loopback clients that
    /// name a loopback host, unless <see cref="HttpFixtureOptions.BindAddress"/> puts the server elsewhere on purpose.
    /// </summary>
    /// <remarks>With no page open the inspector costs a request only a call that finds nobody to tell; see docs/inspector.md.</remarks>
    /// <param name="options">The options of the server to inspect.</param>
    /// <returns>The options, for chaining.</returns>
    public static HttpFixtureOptions EnableInspector(this HttpFixtureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.OnServerStarted(static server => server.EnableInspector());
    }

    /// <summary>
    /// Turns the inspector on for a server already running, as <see cref="EnableInspector(HttpFixtureOptions)"/> does at start, and
    /// returns its address; the test-framework adapters call it for a failed test's server kept up by FAKEHTTP_KEEP_ON_FAILURE.
    /// Calling it again changes nothing.
    /// </summary>
    /// <param name="server">The server.</param>
    /// <returns>The address of the inspector page (<see cref="HttpFixtureServer.InspectorAddress"/>).</returns>
    public static Uri EnableInspector(this HttpFixtureServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var inspector = server.GetOrAddExtension(static s => new Inspector(s));
        var address = server.Url(Inspector.Prefix[1..] + "/");
        if (inspector.Attach())
        {
            server.MapOwnPages(Inspector.Prefix, inspector.HandleAsync);
            server.AddObserver(inspector);
            server.InspectorAddress = address;
        }

        return server.InspectorAddress ?? address;
    }
}
