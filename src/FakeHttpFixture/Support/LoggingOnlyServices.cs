using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FakeHttpFixture;

/// <summary>
/// A service provider that knows only a logger factory that logs nothing: what the route-constraint resolver of stub templates
/// and Kestrel's options ask for. Building a real container per server would cost more than starting Kestrel itself.
/// </summary>
internal sealed class LoggingOnlyServices : IServiceProvider
{
    public static readonly LoggingOnlyServices Instance = new();

    public object? GetService(Type serviceType) =>
        serviceType == typeof(ILoggerFactory) ? NullLoggerFactory.Instance : null;
}
