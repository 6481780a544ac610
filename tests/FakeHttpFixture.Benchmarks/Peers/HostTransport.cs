using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FakeHttpFixture.Benchmarks.Peers;

/// <summary>
/// The socket transport's options as a Kestrel host sets them up: with Kestrel's pinned block memory pool. A transport made
/// with `new SocketTransportOptions()` gets pipes over the shared array pool instead, which drops and reallocates buffers under
/// a large upload (hundreds of MiB allocated per GiB received), so the baseline takes its options from the host's registrations.
/// </summary>
internal static class HostTransport
{
    private static readonly Lazy<IOptions<SocketTransportOptions>> Lazy = new(() =>
    {
        var services = new ServiceCollection();
        new Registrations(services).UseKestrelCore().UseSockets();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddMetrics();
        return services.BuildServiceProvider().GetRequiredService<IOptions<SocketTransportOptions>>();
    });

    public static IOptions<SocketTransportOptions> Options => Lazy.Value;

    /// <summary>Hands UseKestrelCore and UseSockets a service collection; nothing else of a web host is used.</summary>
    private sealed class Registrations(IServiceCollection services) : IWebHostBuilder
    {
#pragma warning disable ASPDEPR008 // IWebHost is obsolete; this builder never builds one.
        public IWebHost Build() => throw new NotSupportedException();
#pragma warning restore ASPDEPR008

        public IWebHostBuilder ConfigureAppConfiguration(Action<WebHostBuilderContext, IConfigurationBuilder> configureDelegate) => this;

        public IWebHostBuilder ConfigureServices(Action<IServiceCollection> configureServices)
        {
            configureServices(services);
            return this;
        }

        public IWebHostBuilder ConfigureServices(Action<WebHostBuilderContext, IServiceCollection> configureServices)
        {
            configureServices(new WebHostBuilderContext(), services);
            return this;
        }

        public string? GetSetting(string key) => null;

        public IWebHostBuilder UseSetting(string key, string? value) => this;
    }
}
