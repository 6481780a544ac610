using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace FakeHttpFixture;

/// <summary>
/// Configures a server before it starts: pass an <see cref="Action{T}"/> to <see cref="HttpFixtureServer.Start(Action{HttpFixtureOptions}?)"/>
/// or one of its overloads. Nothing is checked while the options are set; the server checks them all once, when it starts, and
/// refuses to start with an <see cref="ArgumentException"/> that names every option that is wrong and says what to give instead.
/// </summary>
public sealed partial class HttpFixtureOptions
{
    private readonly List<string> _hosts = [];
    private readonly List<string> _replayHarFiles = [];

    /// <summary>Gets or sets the address the server listens on. Tests should keep the loopback default: any other address exposes the server to the network.</summary>
    /// <value>The default value is <see cref="IPAddress.Loopback"/> (127.0.0.1).</value>
    public IPAddress BindAddress { get; set; } = IPAddress.Loopback;

    /// <summary>Gets or sets the port to listen on; 0 lets the operating system pick a free one, which parallel tests need.</summary>
    /// <value>The default value is 0: an ephemeral port.</value>
    public int Port { get; set; }

    /// <summary>Gets or sets how long <see cref="HttpFixtureServer.DisposeAsync"/> lets in-flight requests finish before it aborts their connections.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets a value indicating whether a request that no queued response, stub or file answers gets 501 with a sentence
    /// saying what to do, and is reported by <see cref="HttpFixtureServer.Verify"/>, so that a call nobody expected fails the test.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: such requests get 404 (GET, HEAD) or <see cref="FallbackStatusCode"/>.</value>
    public bool Strict { get; set; }

    /// <summary>
    /// Gets or sets the status a request gets when nothing answers it, its method is not GET or HEAD (those get 404, as from any file
    /// server) and <see cref="Strict"/> is off: code that posts to the fixture just works, and the journal keeps what it sent.
    /// </summary>
    /// <value>The default value is 200, with an empty body.</value>
    public int FallbackStatusCode { get; set; } = 200;

    /// <summary>
    /// Gets or sets a value indicating whether <see cref="HttpFixtureServer.DisposeAsync"/> ends with <see cref="HttpFixtureServer.Verify"/>,
    /// so a test that forgets to verify still fails; dispose then throws <see cref="HttpFixtureVerificationException"/>, the only exception it throws.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool VerifyOnDispose { get; set; }

    /// <summary>Gets or sets a value indicating whether the server answers CORS preflights and adds the CORS headers browser-based tests need.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool EnableCors { get; set; }

    /// <summary>Gets or sets how long the waits of the journal, such as <see cref="HttpFixtureServer.WaitForRequestAsync(Func{RecordedRequest, bool}?, TimeSpan?, CancellationToken, string?)"/>, wait when the caller gives no timeout.</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan DefaultWaitTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets the largest request body the journal keeps in memory, in bytes; a larger body is written to a temp file, byte for
    /// byte, and read back on demand, so that large uploads do not fill the test process's memory. The files are deleted on dispose.
    /// </summary>
    /// <value>The default value is 1 MiB (1 048 576 bytes); 0 writes every non-empty body to a temp file.</value>
    public long BodyMemoryThreshold { get; set; } = 1024 * 1024;

    /// <summary>
    /// Gets or sets how many requests the journal keeps at most; when one more arrives, the oldest quarter of them is dropped, so
    /// <see cref="HttpFixtureServer.Requests"/>, waits, takes and assertions see only the latest ones (<see cref="RecordedRequest.Sequence"/>
    /// keeps counting, so a gap shows the drop). It is meant for load and soak tests that do not read the journal: a journal that keeps
    /// every request grows without end, and under load the garbage collector's work on it costs more than the requests themselves.
    /// </summary>
    /// <value>The default value is 0: every request is kept.</value>
    public int MaxRecordedRequests { get; set; }

    /// <summary>
    /// Gets or sets the largest request body the server accepts, in bytes; a larger body is answered 413.
    /// Kestrel's own default of 30 MB would cut large test uploads, so there is no limit unless one is set.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: no limit.</value>
    public long? MaxRequestBodySize { get; set; }

    /// <summary>
    /// Gets or sets a callback run once a response has been sent in full, with the request's status and sizes known;
    /// the command-line server prints its live log from it. It runs on the server's thread: keep it short, and it must not throw.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Action<RecordedRequest>? OnRequestCompleted { get; set; }

    /// <summary>Gets or sets a value indicating whether a directory without an index.html is answered with an HTML listing of its entries.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool DirectoryListing { get; set; } = true;

    /// <summary>Gets or sets a value indicating whether symbolic links that lead outside the served directory are followed; links inside it always are.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool FollowSymlinks { get; set; }

    /// <summary>Gets or sets a value indicating whether PUT stores a file into the served tree and DELETE removes one, so that a later GET serves the change.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AcceptUploads { get; set; }

    /// <summary>
    /// Gets the table from file extension (with its dot, any case, such as ".js") to the Content-Type served; add, replace or remove
    /// entries to change what this server sends. The table is built in rather than read from the operating system, so a test answers
    /// the same everywhere; files whose extension is not in it are served as application/octet-stream.
    /// </summary>
    /// <value>The default value is a table of about 80 common types: ".js" is "text/javascript; charset=utf-8", ".json" is "application/json", text types say charset=utf-8.</value>
    public IDictionary<string, string> ContentTypes { get; } = new Dictionary<string, string>(MediaTypes.Defaults, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets or sets how many stubs a miss report shows, nearest first, for a request nothing answered (the strict 501 body,
    /// <see cref="HttpFixtureServer.Verify"/>, <see cref="HttpFixtureServer.ExplainMiss"/>): each with every condition, held or
    /// failed, and what it expected and received. Stubs rank by how close their path is, segment by segment, then by method.
    /// </summary>
    /// <value>The default value is 3; 0 shows no stub, only the line naming the request.</value>
    public int MissReportStubCount { get; set; } = 3;

    /// <summary>Gets the certificate set by <see cref="UseHttps"/>, or <see langword="null"/> when the server speaks plain HTTP or makes its own certificate.</summary>
    public X509Certificate2? HttpsCertificate { get; private set; }

    /// <summary>Gets a value indicating whether the server speaks HTTPS, as set by <see cref="UseHttps"/>.</summary>
    public bool IsHttps { get; private set; }

    /// <summary>
    /// Gets or sets a value indicating whether the plain-HTTP server speaks HTTP/2 with prior knowledge (h2c) instead of HTTP/1.1.
    /// Kestrel cannot serve both on one cleartext port (it has no upgrade and no preface sniffing there), so HTTP/1.1
    /// clients are refused; the clients of <see cref="HttpFixtureServer.CreateClient()"/> send HTTP/2 on their own.
    /// With <see cref="UseHttps"/> this is not needed: HTTP/2 and HTTP/1.1 are negotiated by ALPN.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: plain HTTP is HTTP/1.1.</value>
    public bool Http2Cleartext { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the clients of <see cref="HttpFixtureServer.CreateClient()"/> and
    /// <see cref="HttpFixtureServer.CreateHandler()"/> ask for HTTP/2 over TLS, falling back to HTTP/1.1 only if ALPN says so;
    /// .NET's HttpClient otherwise sends HTTP/1.1 even to a server that speaks HTTP/2.
    /// A request that pins its version (any version other than 1.1, or a policy other than RequestVersionOrLower) keeps it.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: HttpClient's own default, HTTP/1.1.</value>
    public bool ClientPrefersHttp2 { get; set; }

    /// <summary>
    /// Gets or sets whether the TLS server asks clients for a certificate (mutual TLS). Any certificate a client presents is
    /// accepted, so a test can check which one arrived: <see cref="RecordedRequest.ClientCertificateSubject"/> and
    /// <see cref="RecordedRequest.ClientCertificateThumbprint"/>. Needs <see cref="UseHttps"/>.
    /// </summary>
    /// <value>The default value is <see cref="ClientCertificatePolicy.None"/>.</value>
    public ClientCertificatePolicy ClientCertificates { get; set; }

    /// <summary>
    /// Makes the server speak TLS. Without a certificate the server uses a self-signed one for 127.0.0.1, ::1 and localhost,
    /// made in memory, which the clients from <see cref="HttpFixtureServer.CreateClient()"/> trust.
    /// </summary>
    /// <param name="certificate">The certificate to serve, with its private key; <see langword="null"/> for a self-signed one.</param>
    /// <returns>These options, for chaining.</returns>
    public HttpFixtureOptions UseHttps(X509Certificate2? certificate = null)
    {
        IsHttps = true;
        HttpsCertificate = certificate;
        return this;
    }

    /// <summary>
    /// Gets the host names given to <see cref="ForHosts"/>, as given: the names the server stands in for.
    /// </summary>
    /// <value>The default value is empty: the clients of <see cref="HttpFixtureServer.CreateClient()"/> reach any address, and the server only its own.</value>
    public IReadOnlyList<string> Hosts => _hosts;

    /// <summary>
    /// Gets or sets a value indicating whether the server also listens as an HTTP forward proxy for the <see cref="ForHosts"/> names,
    /// at <see cref="HttpFixtureServer.ProxyAddress"/>, so that a child process (curl, Python, Node) or a browser reaches the fakes by
    /// their real names through HTTPS_PROXY and HTTP_PROXY; <see cref="HttpFixtureServer.GetProxyEnvironment"/> gives the variables.
    /// It tunnels CONNECT and forwards absolute-form requests for the routed names only, and answers 403 for any other host.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool EnableForwardProxy { get; set; }

    /// <summary>Gets or sets how long the forward proxy waits for a request head (10 seconds; tests shorten it).</summary>
    internal TimeSpan ForwardProxyHeadTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Makes the server stand in for <paramref name="hostnames"/>: the clients of <see cref="HttpFixtureServer.CreateClient()"/> and
    /// <see cref="HttpFixtureServer.CreateHandler()"/> connect requests for those names (any port, http or https) to this server and
    /// keep the name in the Host header and in TLS's SNI, the server's certificate covers the names, and a request for any other host
    /// fails at once instead of reaching the network. The server's port then answers TLS and plain HTTP alike.
    /// Call it more than once to add names.
    /// </summary>
    /// <param name="hostnames">Exact names ("api.github.com") or wildcards for one label ("*.example.com"), without scheme or port.</param>
    /// <returns>These options, for chaining.</returns>
    public HttpFixtureOptions ForHosts(params string[] hostnames)
    {
        ArgumentNullException.ThrowIfNull(hostnames);
        _hosts.AddRange(hostnames);
        return this;
    }

    /// <summary>
    /// Gets or sets the seed that chaos rules drawing a <see cref="Chaos.Share(double)"/> use when they have none of their own; the
    /// same seed picks the same requests on every run. Failure messages print the seed in use (<see cref="HttpFixtureServer.ChaosSeed"/>),
    /// so a failing run can be replayed by setting it here or in the FAKEHTTP_CHAOS_SEED environment variable.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: the seed comes from FAKEHTTP_CHAOS_SEED, or is drawn at random when that is not set.</value>
    public int? ChaosSeed { get; set; }

    internal List<Chaos> ChaosRules { get; } = [];

    internal List<Action<HttpFixtureServer>> StartedCallbacks { get; } = [];

    /// <summary>
    /// Adds a callback run once the server listens, before <see cref="HttpFixtureServer.Start(Action{HttpFixtureOptions}?)"/> returns it:
    /// add-on packages plug their stages and observers in from here (<see cref="HttpFixtureServer.AddStage"/>). A callback that throws
    /// stops the server, and the start fails with its exception.
    /// </summary>
    /// <param name="callback">What to do with the started server.</param>
    /// <returns>These options, for chaining.</returns>
    public HttpFixtureOptions OnServerStarted(Action<HttpFixtureServer> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        StartedCallbacks.Add(callback);
        return this;
    }

    internal List<RateLimit> RateLimits { get; } = [];

    /// <summary>
    /// Adds a chaos rule for every request of the server: the requests it picks get its answer, or its delay before their usual
    /// answer. Rules are asked after CORS and rate limits and before the queue, stubs and files; each rule counts every request,
    /// and the first that picks one applies. A server without rules has no chaos stage at all.
    /// </summary>
    /// <param name="chaos">The rule, such as <c>Chaos.Share(0.3).Respond(503)</c>.</param>
    /// <returns>These options, for chaining.</returns>
    public HttpFixtureOptions AddChaos(Chaos chaos)
    {
        ArgumentNullException.ThrowIfNull(chaos);
        ServerChaos.ThrowIfNoEffect(chaos, nameof(chaos));
        ChaosRules.Add(chaos);
        return this;
    }

    /// <summary>
    /// Gets full paths that a served directory never serves, lists or lets a client write or delete, with everything below them,
    /// also when reached through a link: fakehttp hides its own record directory and HAR file this way when they lie inside the
    /// directory it serves, since they hold every client's headers.
    /// </summary>
    internal List<string> HiddenPaths { get; } = [];

    /// <summary>
    /// Adds a rate limit for every request of the server: a request over it is refused (429 with Retry-After and the RateLimit
    /// headers) before chaos rules, the queue, stubs and files are asked. A server without limits has no rate-limit stage at all.
    /// </summary>
    /// <param name="limit">The limit, such as <c>RateLimit.Allow(5, per: TimeSpan.FromSeconds(1))</c>.</param>
    /// <returns>These options, for chaining.</returns>
    public HttpFixtureOptions AddRateLimit(RateLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        RateLimits.Add(limit);
        return this;
    }
}
