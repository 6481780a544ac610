using Microsoft.Extensions.Http;

namespace FakeHttpFixture;

/// <summary>
/// Routes the primary handler of every client IHttpClientFactory builds (typed, named and the default one). A filter, rather than
/// ConfigureHttpClientDefaults, because its code after <c>next</c> runs once every client's own configuration has run, so a client
/// that sets its own primary handler is routed too; registered first, it is the outermost filter and runs last.
/// </summary>
internal sealed class HostRoutingFilter(HostRouteTable routes) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return builder =>
        {
            next(builder);
            builder.PrimaryHandler = RoutingClientHandler.RoutePrimary(builder.PrimaryHandler, routes);
        };
    }
}
