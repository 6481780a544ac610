namespace FakeHttpFixture;

/// <content>The inspector: a live page about the server, at /__fakehttp/.</content>
public sealed partial class HttpFixtureOptions
{
    /// <summary>
    /// Serves the inspector at <c>/__fakehttp/</c> on the server's own port once it starts: a live list of the requests it receives,
    /// each with its headers, body, response, stream and miss report, the stubs it holds and a HAR download
    /// (<see cref="HttpFixtureServer.InspectorAddress"/>). Its own requests are never recorded. It answers only loopback clients that
    /// name a loopback host, unless <see cref="BindAddress"/> puts the server elsewhere on purpose.
    /// </summary>
    /// <remarks>
    /// With no page open the inspector costs a request only a call that finds nobody to tell; see docs/inspector.md.
    /// <see cref="HttpFixtureServer.EnableInspector"/> turns it on for a server already running.
    /// </remarks>
    /// <returns>These options, for chaining.</returns>
    public HttpFixtureOptions EnableInspector() => OnServerStarted(static server => server.EnableInspector());
}
