using System.Net;

namespace FakeHttpFixture;

/// <summary>
/// Sends requests as HTTP/2 when they kept HttpClient's default version, so that clients built on
/// <see cref="HttpFixtureServer.CreateHandler()"/> (IHttpClientFactory, Refit) get HTTP/2 too, not only HttpClient.DefaultRequestVersion users.
/// </summary>
internal sealed class Http2RequestHandler(HttpMessageHandler inner, bool exact) : DelegatingHandler(inner)
{
    // Cleartext HTTP/2 has no negotiation, so it must be exact (prior knowledge); over TLS, ALPN may still settle on HTTP/1.1.
    private readonly HttpVersionPolicy _policy = exact ? HttpVersionPolicy.RequestVersionExact : HttpVersionPolicy.RequestVersionOrLower;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Upgrade(request);
        return base.SendAsync(request, cancellationToken);
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Upgrade(request);
        return base.Send(request, cancellationToken);
    }

    private void Upgrade(HttpRequestMessage request)
    {
        if (request.Version == HttpVersion.Version11 && request.VersionPolicy == HttpVersionPolicy.RequestVersionOrLower)
        {
            request.Version = HttpVersion.Version20;
            request.VersionPolicy = _policy;
        }
    }
}
