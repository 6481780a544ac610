using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FakeHttpFixture;

/// <summary>
/// The services a Kestrel host registers, collected once per process without a host. Two things need them:
/// the socket transport's options, which only the host's registrations give Kestrel's pinned block memory pool
/// (a transport built by hand gets pipes over the shared array pool, which drops and reallocates buffers under a
/// large upload); and Kestrel's HTTPS middleware, which asks its options for a logger factory and Kestrel's metrics.
/// <see cref="WebHostBuilderKestrelExtensions.UseKestrelCore"/> and <see cref="WebHostBuilderSocketExtensions.UseSockets(IWebHostBuilder)"/>
/// are the only ways in to those registrations, so this builder collects them and never builds a host.
/// </summary>
internal sealed class KestrelServices : IWebHostBuilder
{
    private static readonly Lazy<IServiceProvider> Provider = new(CreateProvider);
    private static readonly Lazy<IOptions<SocketTransportOptions>> Transport = new(() => Provider.Value.GetRequiredService<IOptions<SocketTransportOptions>>());

    private readonly ServiceCollection _services = new();

    private KestrelServices()
    {
    }

    /// <summary>Gets the container, for Kestrel's options when a listener uses HTTPS.</summary>
    public static IServiceProvider Instance => Provider.Value;

    /// <summary>Gets the socket transport's options as a host configures them (Kestrel's pinned block memory pool).</summary>
    public static IOptions<SocketTransportOptions> TransportOptions => Transport.Value;

    // IWebHost is obsolete, but IWebHostBuilder is still the only way in to UseKestrelCore's registrations; this never builds one.
#pragma warning disable ASPDEPR008
    public IWebHost Build() => throw new NotSupportedException("This builder only collects Kestrel's service registrations.");
#pragma warning restore ASPDEPR008

    public IWebHostBuilder ConfigureAppConfiguration(Action<WebHostBuilderContext, IConfigurationBuilder> configureDelegate) => this;

    public IWebHostBuilder ConfigureServices(Action<IServiceCollection> configureServices)
    {
        configureServices(_services);
        return this;
    }

    public IWebHostBuilder ConfigureServices(Action<WebHostBuilderContext, IServiceCollection> configureServices)
    {
        configureServices(new WebHostBuilderContext(), _services);
        return this;
    }

    public string? GetSetting(string key) => null;

    public IWebHostBuilder UseSetting(string key, string? value) => this;

    private static IServiceProvider CreateProvider()
    {
        var builder = new KestrelServices();
        builder.UseKestrelCore();
        builder.UseSockets();
        builder._services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        builder._services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        builder._services.AddMetrics();
        return builder._services.BuildServiceProvider();
    }
}
