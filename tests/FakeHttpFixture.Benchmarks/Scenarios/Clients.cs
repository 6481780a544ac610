namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>The same client for every peer, so only the server differs: SocketsHttpHandler, no proxy, no redirects.</summary>
internal static class Clients
{
    public static HttpClient For(Uri baseAddress) =>
        new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }, disposeHandler: true) { BaseAddress = baseAddress };
}
