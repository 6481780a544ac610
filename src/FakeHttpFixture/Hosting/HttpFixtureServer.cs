using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FakeHttpFixture;

/// <summary>
/// Represents a real HTTP server for tests: it listens on an ephemeral loopback port, serves a directory, a temp directory or a
/// <see cref="FileTree"/>, answers with stubs, and records every request it receives.
/// The caller should dispose it when finished (<c>await using</c>); disposing releases the port and deletes what it created.
/// </summary>
/// <remarks>
/// The type is split by what a test does with it, all in Hosting/: this file starts, reaches and stops the server;
/// HttpFixtureServer.Journal.cs reads, waits for and asserts what it received; HttpFixtureServer.Stubs.cs scripts what it answers,
/// verifies and resets; HttpFixtureServer.Tls.cs is its certificate and its clients; HttpFixtureServer.Hosts.cs routes real host
/// names; HttpFixtureServer.Streams.cs gives the addresses of its WebSockets; HttpFixtureServer.Chaos.cs holds the chaos seed and
/// asserts how the client behaved; HttpFixtureServer.Extensions.cs is the seam add-on packages plug into.
/// </remarks>
public sealed partial class HttpFixtureServer : IAsyncDisposable
{
    private static readonly TimeSpan AbortedRequestsTimeout = TimeSpan.FromSeconds(2);

    private readonly KestrelServer _server;
    private readonly FixtureApplication _application;
    private readonly RequestJournal _journal;
    private readonly StubRegistry _stubs;
    private readonly ResponseQueue _queue;
    private readonly ProblemLog _problems;
    private readonly ExtensionPoints _extensions;
    private readonly ReplayBook? _replay;
    private readonly HttpMessageInvoker? _upstream;
    private readonly ServerChaos _chaos;
    private readonly CancellationTokenSource _stopping;
    private readonly HttpFixtureOptions _options;
    private readonly string? _temporaryDirectory;
    private readonly Lazy<Task> _disposal;
    private readonly Lazy<Task> _stop;

    private HttpFixtureServer(ServerParts parts, FixtureApplication application, Uri baseAddress, string? rootDirectory, string? temporaryDirectory, X509Certificate2? certificate)
    {
        _server = parts.Server;
        _application = application;
        _journal = parts.Journal;
        _stubs = parts.Stubs;
        _queue = parts.Queue;
        _problems = parts.Problems;
        _extensions = parts.Extensions;
        _extensions.Server = this;
        _replay = parts.Replay;
        _upstream = parts.Upstream;
        _chaos = parts.Chaos;
        _stopping = parts.Stopping;
        _options = parts.Options;
        _disposal = new Lazy<Task>(DisposeCoreAsync);
        _stop = new Lazy<Task>(StopCoreAsync);
        BaseAddress = baseAddress;
        Port = baseAddress.Port;
        RootDirectory = rootDirectory;
        _temporaryDirectory = temporaryDirectory;
        Certificate = certificate;
    }

    /// <summary>Gets the server's base address, such as "http://127.0.0.1:40123/"; it always ends in '/'.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the port the operating system gave the server.</summary>
    public int Port { get; }

    /// <summary>Gets the directory served (the one given, or the temp directory); <see langword="null"/> when serving a <see cref="FileTree"/>.</summary>
    public string? RootDirectory { get; }

    /// <summary>Starts a server that serves <paramref name="directory"/> as it is on disk, including dot-files.</summary>
    /// <param name="directory">The directory to serve; relative paths are taken from the current directory.</param>
    /// <param name="configure">Sets options before the server starts.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static HttpFixtureServer Start(string directory, Action<HttpFixtureOptions>? configure = null) =>
        StartAsync(directory, configure).GetAwaiter().GetResult();

    /// <summary>Starts a server that serves <paramref name="files"/> from memory; changes to the tree are served at once.</summary>
    /// <param name="files">The files to serve.</param>
    /// <param name="configure">Sets options before the server starts.</param>
    /// <returns>The running server.</returns>
    public static HttpFixtureServer Start(FileTree files, Action<HttpFixtureOptions>? configure = null) =>
        StartAsync(files, configure).GetAwaiter().GetResult();

    /// <summary>Starts a server over a fresh, empty temp directory, <see cref="RootDirectory"/>, which is deleted on dispose; files written there are served at once.</summary>
    /// <param name="configure">Sets options before the server starts.</param>
    /// <returns>The running server.</returns>
    public static HttpFixtureServer Start(Action<HttpFixtureOptions>? configure = null) =>
        StartAsync(configure).GetAwaiter().GetResult();

    /// <summary>Starts a server that serves <paramref name="directory"/> as it is on disk, including dot-files.</summary>
    /// <param name="directory">The directory to serve; relative paths are taken from the current directory.</param>
    /// <param name="configure">Sets options before the server starts.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="DirectoryNotFoundException">The directory does not exist.</exception>
    public static Task<HttpFixtureServer> StartAsync(string directory, Action<HttpFixtureOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Cannot serve '{root}': the directory does not exist. Create it first, or call HttpFixtureServer.Start() for a fresh temp directory.");
        }

        return StartCoreAsync(new ServedRoot(root, null, null), configure, cancellationToken);
    }

    /// <summary>Starts a server that serves <paramref name="files"/> from memory; changes to the tree are served at once.</summary>
    /// <param name="files">The files to serve.</param>
    /// <param name="configure">Sets options before the server starts.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static Task<HttpFixtureServer> StartAsync(FileTree files, Action<HttpFixtureOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        return StartCoreAsync(new ServedRoot(null, null, files), configure, cancellationToken);
    }

    /// <summary>Starts a server over a fresh, empty temp directory, <see cref="RootDirectory"/>, which is deleted on dispose.</summary>
    /// <param name="configure">Sets options before the server starts.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static Task<HttpFixtureServer> StartAsync(Action<HttpFixtureOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var temp = Directory.CreateTempSubdirectory("fakehttp-").FullName;
        return StartCoreAsync(new ServedRoot(temp, temp, null), configure, cancellationToken);
    }

    /// <summary>Joins <see cref="BaseAddress"/> with a relative path: "a/b.txt" and "/a/b.txt" both give "http://127.0.0.1:PORT/a/b.txt".</summary>
    /// <param name="path">The path, with or without a leading '/', and optionally a query.</param>
    /// <returns>The absolute URL.</returns>
    public Uri Url(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new Uri(BaseAddress, path.TrimStart('/'));
    }

    /// <summary>Creates an <see cref="HttpClient"/> whose BaseAddress is this server; with TLS it trusts exactly this server's certificate. The caller should dispose it.</summary>
    /// <returns>The client.</returns>
    public HttpClient CreateClient() => new(CreateHandler(), disposeHandler: true) { BaseAddress = BaseAddress };

    /// <summary>Creates a handler for this server, for IHttpClientFactory, Refit or Flurl; with TLS it trusts exactly this server's certificate.</summary>
    /// <returns>The handler.</returns>
    public HttpMessageHandler CreateHandler() => CreateHandlerCore(null);

    /// <summary>
    /// Stops accepting connections, lets in-flight requests finish for <see cref="HttpFixtureOptions.ShutdownTimeout"/>,
    /// aborts the rest, releases the port and deletes the temp directory. It may be called more than once and does not throw for
    /// anything a client did.
    /// </summary>
    /// <returns>A task that completes when the server is gone.</returns>
    public ValueTask DisposeAsync() => new(_disposal.Value);

    /// <summary>Returns the server's base address.</summary>
    /// <returns>The base address as a string.</returns>
    public override string ToString() => BaseAddress.ToString();

    private static async Task<HttpFixtureServer> StartCoreAsync(ServedRoot root, Action<HttpFixtureOptions>? configure, CancellationToken cancellationToken)
    {
        var options = new HttpFixtureOptions();
        KestrelServer? server = null;
        ServerParts? parts = null;
        try
        {
            configure?.Invoke(options);
            options.Validate();

            // A HAR that cannot be replayed is refused before anything listens.
            var replay = options.ReplayHarFiles.Count == 0 ? null : ReplayBook.Load(options.ReplayHarFiles);

            // Routed names need a certificate for https:// URLs even when the server's own address is plain http://.
            var hosts = options.Hosts.Select(HostPattern.Parse).DistinctBy(h => h.Text).ToArray();
            var certificate = options.IsHttps || hosts.Length != 0 ? options.HttpsCertificate ?? SelfSignedCertificate.CreateServer(hosts.Select(h => h.Text)) : null;

            var kestrelOptions = new KestrelServerOptions
            {
                AddServerHeader = false,

                // A header value with non-ASCII text (a proxied filename="café.pdf", a replayed or stubbed one) goes out as UTF-8,
                // where Kestrel's default would refuse it and answer 500.
                ResponseHeaderEncodingSelector = static _ => Encoding.UTF8,
                ApplicationServices = certificate is null ? LoggingOnlyServices.Instance : KestrelServices.Instance,
            };
            kestrelOptions.Limits.MaxRequestBodySize = options.MaxRequestBodySize;
            ListenOptions? endpoint = null;
            kestrelOptions.Listen(options.BindAddress, options.Port, listen =>
            {
                endpoint = listen;
                TlsListener.Configure(listen, certificate, options.Http2Cleartext, options.ClientCertificates, acceptCleartext: hosts.Length != 0);
            });
            ListenOptions? proxyEndpoint = null;
            var proxy = options.EnableForwardProxy ? new ForwardProxy { HeadTimeout = options.ForwardProxyHeadTimeout } : null;
            if (proxy is not null)
            {
                kestrelOptions.Listen(options.BindAddress, 0, listen =>
                {
                    proxyEndpoint = listen;
                    proxy.Attach(listen);
                });
            }

            var transport = new SocketTransportFactory(KestrelServices.TransportOptions, NullLoggerFactory.Instance);
            server = KestrelMeter.Create(() => new KestrelServer(Options.Create(kestrelOptions), transport, NullLoggerFactory.Instance));

            // The served tree and its content types are built once, here, and handed to every stage that reads or writes files.
            var contentTypes = new ContentTypeMap(options.ContentTypes);
            parts = new ServerParts(server, options) { Replay = replay };
            ServedTree tree = root.Files is { } files ? new MemoryTree(files, contentTypes) : new DiskTree(root.Directory!, options.FollowSymlinks, contentTypes, options.HiddenPaths, parts.Journal.Spill);
            var responders = ResponderChain.Create(options, tree, parts.Stubs, parts.Queue, parts.Problems, parts.Chaos, parts.Extensions, parts.Stopping.Token, parts.Replay, parts.Upstream);
            var application = new FixtureApplication(parts.Journal, responders, options.OnRequestCompleted, parts.Extensions);
            await server.StartAsync(application, cancellationToken).ConfigureAwait(false);

            // Kestrel writes the port it bound back into the endpoint's options.
            var port = ((IPEndPoint)endpoint!.EndPoint).Port;
            var scheme = options.IsHttps ? "https" : "http";
            var baseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"{scheme}://{HostFor(options.BindAddress)}:{port}/"));
            var fixture = new HttpFixtureServer(parts, application, baseAddress, root.Directory, root.Temporary, certificate);
            fixture.StartRouting(hosts, proxy, proxyEndpoint?.EndPoint as IPEndPoint);
            await fixture.RunStartedCallbacksAsync(options.StartedCallbacks).ConfigureAwait(false);
            return fixture;
        }
        catch
        {
            // A start that failed (a port in use, a cancelled start) leaves nothing behind: no listener, no meter, no temp directory.
            if (server is not null)
            {
                server.Dispose();
                KestrelMeter.Release(server);
            }

            parts?.Upstream?.Dispose();

            DirectoryCleanup.TryDelete(root.Temporary);
            throw;
        }
    }

    // A wildcard address is reached through loopback; any other address is reached as it is.
    private static string HostFor(IPAddress address) =>
        address.Equals(IPAddress.Any) ? "127.0.0.1"
        : address.Equals(IPAddress.IPv6Any) ? "[::1]"
        : address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]"
        : address.ToString();

    /// <summary>
    /// Stops serving without deleting anything: stops accepting, lets in-flight requests finish for the grace, aborts the rest and
    /// waits until each of them is recorded. Spilled bodies are still readable afterwards, so fakehttp writes its record and HAR
    /// between this and <see cref="DisposeAsync"/>, which calls it first. It may be called more than once.
    /// </summary>
    internal Task StopAsync() => _stop.Value;

    private async Task StopCoreAsync()
    {
        _journal.Close();
        _stopping.Cancel();
        using (var grace = new CancellationTokenSource(_options.ShutdownTimeout))
        {
            try
            {
                await _server.StopAsync(grace.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                // In-flight requests outlived the grace period; Kestrel has aborted them, which is what dispose promises.
            }
        }

        // Aborted requests still run to their end, where they are recorded; a handler that ignores the abort gets a bounded wait.
        await _application.InFlight.WhenIdleAsync().WaitAsync(AbortedRequestsTimeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task DisposeCoreAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _server.Dispose();
        _upstream?.Dispose();
        _journal.Spill.Delete();
        KestrelMeter.Release(_server);
        DirectoryCleanup.TryDelete(_temporaryDirectory);
        DirectoryCleanup.TryDelete(_proxyPemDirectory);
        if (_options.VerifyOnDispose)
        {
            Verify();
        }
    }
}
