using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FakeHttpFixture;

/// <summary>
/// The service provider Kestrel's options ask for: only a logger factory that logs nothing.
/// Building a real container per server would cost more than starting Kestrel itself.
/// </summary>
internal sealed class LoggingOnlyServices : IServiceProvider
{
    public static readonly LoggingOnlyServices Instance = new();

    public object? GetService(Type serviceType) =>
        serviceType == typeof(ILoggerFactory) ? NullLoggerFactory.Instance : null;
}
