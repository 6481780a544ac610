using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FakeHttpFixture.Benchmarks.Peers;

/// <summary>The only service KestrelServerOptions asks for: a logger factory that logs nothing, as the fixture gives it.</summary>
internal sealed class NullServices : IServiceProvider
{
    public static readonly NullServices Instance = new();

    public object? GetService(Type serviceType) => serviceType == typeof(ILoggerFactory) ? NullLoggerFactory.Instance : null;
}
