using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace FakeHttpFixture;

/// <summary>Routes the HttpClients an app makes through IHttpClientFactory to fixture servers, for WebApplicationFactory and the generic host.</summary>
public static class HttpFixtureServiceCollectionExtensions
{
    /// <summary>
    /// Routes every HttpClient that IHttpClientFactory makes (typed, named and default clients, and IHttpMessageHandlerFactory's
    /// handlers) to <paramref name="servers"/> by host: each request goes to the server whose <see cref="HttpFixtureOptions.ForHosts"/>
    /// names its host, over a real socket, with the Host header and SNI of the real name, and trusting exactly the servers' certificates;
    /// a request for any other host fails at once with an <see cref="HttpRequestException"/> that names the routed hosts. The app's own
    /// client configuration stays: its message handlers, and its SocketsHttpHandler settings when its primary handler is one.
    /// Call it in WebApplicationFactory's <c>ConfigureTestServices</c>, or on the generic host's services.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="servers">The running servers, each for its own names.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentException">No server was given, or two servers route the same name.</exception>
    public static IServiceCollection RouteHttpClientsTo(this IServiceCollection services, params HttpFixtureServer[] servers)
    {
        ArgumentNullException.ThrowIfNull(services);
        var routes = HttpFixtureRouting.Table(servers);
        services.AddHttpClient();

        // First in the list, so it is the outermost filter: its code runs after every other filter and every client's own configuration.
        services.Insert(0, ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter>(new HostRoutingFilter(routes)));
        return services;
    }
}
