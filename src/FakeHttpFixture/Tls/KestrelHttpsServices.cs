using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FakeHttpFixture;

/// <summary>
/// The services Kestrel's HTTPS middleware asks its options for (a logger factory and Kestrel's internal metrics).
/// Kestrel registers them only through <see cref="WebHostBuilderKestrelExtensions.UseKestrelCore"/>, so this builder
/// collects that registration without a host; the container is built once per process, on the first TLS server.
/// </summary>
internal sealed class KestrelHttpsServices : IWebHostBuilder
{
    private static readonly Lazy<IServiceProvider> Provider = new(CreateProvider);

    private readonly ServiceCollection _services = new();

    private KestrelHttpsServices()
    {
    }

    public static IServiceProvider Instance => Provider.Value;

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
        var builder = new KestrelHttpsServices();
        builder.UseKestrelCore();
        builder._services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        builder._services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        builder._services.AddMetrics();
        return builder._services.BuildServiceProvider();
    }
}
