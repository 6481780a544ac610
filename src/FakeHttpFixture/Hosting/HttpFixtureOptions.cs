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

    /// <summary>Gets or sets how long the waits of the journal, such as <see cref="HttpFixtureServer.WaitForRequestAsync"/>, wait when the caller gives no timeout.</summary>
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

    /// <summary>Gets the service that <see cref="ProxyTo"/> forwards to, or <see langword="null"/> when the server does not proxy.</summary>
    public Uri? Upstream { get; private set; }

    /// <summary>
    /// Gets or sets how long the proxy waits for the upstream: to connect, to send its response headers, and between two reads of its
    /// body. An upstream that takes longer is answered 502 (or, mid-body, the response is broken off), so a test never hangs on it.
    /// </summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan UpstreamTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets a certificate the proxy trusts for an HTTPS upstream besides the system's trusted roots: the upstream's own
    /// self-signed certificate, or the root of a test authority that issued it. The upstream's name must still match its certificate.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: only the system's trusted roots.</value>
    public X509Certificate2? TrustedUpstreamCertificate { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the journal keeps every response body as it went out (<see cref="RecordedRequest.ResponseBody"/>),
    /// so that <see cref="HttpFixtureServer.SaveHar"/> writes them and the file replays. <see cref="ProxyTo"/> turns it on by itself;
    /// set it to record what stubs and files answered too. Bodies over <see cref="BodyMemoryThreshold"/> go to temp files.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: only sizes, unless the server proxies.</value>
    public bool RecordResponseBodies { get; set; }

    /// <summary>
    /// Gets the names of the headers whose values <see cref="HttpFixtureServer.SaveHar"/> writes as "REDACTED", so that a recording
    /// committed as a fixture holds no secrets: Cookie and Set-Cookie keep each cookie's name (and Set-Cookie its attributes),
    /// Authorization keeps its scheme ("Bearer REDACTED"). Add names (such as "X-Api-Key") or clear the set to keep every value.
    /// The journal itself keeps every value, for the test's assertions.
    /// </summary>
    /// <value>The default value is the set Authorization, Cookie, Set-Cookie (names compared without regard to case).</value>
    public ISet<string> RedactedHeaders { get; } = new HashSet<string>(["Authorization", "Cookie", "Set-Cookie"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the HAR files <see cref="ReplayHar"/> added, in the order they were added.</summary>
    public IReadOnlyList<string> ReplayHarFiles => _replayHarFiles;

    /// <summary>
    /// Forwards whatever no queued response, stub, replayed HAR entry or file answers to <paramref name="upstream"/>, and records the
    /// answer, body included, so that <see cref="HttpFixtureServer.SaveHar"/> writes a recording that <see cref="ReplayHar"/> plays back.
    /// The request goes with its method, path, query, headers (but the hop-by-hop ones; Host becomes the upstream's) and body; the
    /// answer comes back as sent: redirects are passed through, not followed, and a compressed body stays compressed. An upstream that
    /// refuses, resets or does not answer within <see cref="UpstreamTimeout"/> gets the client a 502 saying which.
    /// </summary>
    /// <param name="upstream">The service, such as "https://api.example.com/"; a path ("https://example.com/v2/") is put before every request's path.</param>
    /// <returns>These options, for chaining.</returns>
    public HttpFixtureOptions ProxyTo(Uri upstream)
    {
        Upstream = upstream;
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
    /// Answers from the responses of a HAR file: one that <see cref="HttpFixtureServer.SaveHar"/> wrote while proxying, or one that a
    /// browser's developer tools saved. A request matches an entry by method, path and query (parameters in any order), and by body
    /// where entries differ only by body; repeated matches play the entries in recorded order and the last one repeats. Replay is
    /// asked after the stubs, so a test's own stubs win, and what the file lacks goes on to the files, the proxy, the fallback or strict mode.
    /// The file is read when the server starts; a malformed one is refused then, with the line and field that are wrong.
    /// </summary>
    /// <param name="path">The HAR file; call again to replay several, whose entries are then taken in the order the files were added.</param>
    /// <returns>These options, for chaining.</returns>
    public HttpFixtureOptions ReplayHar(string path)
    {
        _replayHarFiles.Add(path);
        return this;
    }

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

    /// <summary>Checks every option once, at start, and throws one exception that lists each problem with what to do about it.</summary>
    internal void Validate()
    {
        var problems = new List<(string Option, string Problem)>();
        void Check(bool valid, string option, string problem)
        {
            if (!valid)
            {
                problems.Add((option, problem));
            }
        }

        Check(BindAddress is not null, nameof(BindAddress), "BindAddress must be an address such as IPAddress.Loopback; it is null.");
        Check(Port is >= 0 and <= IPEndPoint.MaxPort, nameof(Port), $"Port must be from 1 to 65535, or 0 for an ephemeral port; it is {Port}.");
        Check(ShutdownTimeout >= TimeSpan.Zero, nameof(ShutdownTimeout), $"ShutdownTimeout must not be negative; it is {ShutdownTimeout}.");
        Check(HttpStatus.IsValid(FallbackStatusCode), nameof(FallbackStatusCode), $"FallbackStatusCode must be an HTTP status code from 100 to 999, such as 200 or 202; it is {FallbackStatusCode}.");
        Check(DefaultWaitTimeout > TimeSpan.Zero || DefaultWaitTimeout == Timeout.InfiniteTimeSpan, nameof(DefaultWaitTimeout), $"DefaultWaitTimeout must be positive, or Timeout.InfiniteTimeSpan; it is {DefaultWaitTimeout}.");
        Check(BodyMemoryThreshold >= 0, nameof(BodyMemoryThreshold), $"BodyMemoryThreshold must be zero or more bytes (0 writes every non-empty body to a temp file); it is {BodyMemoryThreshold}.");
        Check(MaxRecordedRequests >= 0, nameof(MaxRecordedRequests), $"MaxRecordedRequests must be zero (keep every request) or a positive count; it is {MaxRecordedRequests}.");
        Check(MissReportStubCount >= 0, nameof(MissReportStubCount), $"MissReportStubCount must be zero (show no stub) or a positive count, such as 3; it is {MissReportStubCount}.");
        Check(MaxRequestBodySize is null or >= 0, nameof(MaxRequestBodySize), $"MaxRequestBodySize must be zero or more bytes, or null for no limit; it is {MaxRequestBodySize}.");
        foreach (var (extension, type) in ContentTypes)
        {
            Check(extension.Length >= 2 && extension[0] == '.' && !extension.AsSpan(1).ContainsAny('.', '/'), nameof(ContentTypes), $"ContentTypes has the key '{extension}', which is not a file extension; use the extension with its dot, such as \".js\".");
            Check(!string.IsNullOrWhiteSpace(type), nameof(ContentTypes), $"ContentTypes maps '{extension}' to an empty media type; give one such as \"application/json\", or remove the key.");
        }

        Check(HttpsCertificate is null || HttpsCertificate.HasPrivateKey, nameof(HttpsCertificate), "The certificate given to UseHttps has no private key, so the server cannot use it for TLS. Pass a certificate loaded with its key (for example from a PFX or a PEM pair).");
        Check(!(Http2Cleartext && IsHttps), nameof(Http2Cleartext), "Http2Cleartext is for plain HTTP; with UseHttps() the server already speaks HTTP/2 through ALPN. Remove one of the two options.");
        Check(ClientCertificates == ClientCertificatePolicy.None || IsHttps, nameof(ClientCertificates), "ClientCertificates needs TLS: call options.UseHttps() as well, or leave ClientCertificates at None.");
        Check(Enum.IsDefined(ClientCertificates), nameof(ClientCertificates), $"ClientCertificates must be None, Allow or Require; it is {(int)ClientCertificates}.");
        ValidateHosts(Check);
        Check(Upstream is null || (Upstream.IsAbsoluteUri && (Upstream.Scheme == Uri.UriSchemeHttp || Upstream.Scheme == Uri.UriSchemeHttps) && Upstream.Query.Length == 0 && Upstream.Fragment.Length == 0 && Upstream.UserInfo.Length == 0), nameof(Upstream), $"ProxyTo needs an absolute http:// or https:// address without query, fragment or user name, such as https://api.example.com/; it is '{Upstream}'.");
        Check(UpstreamTimeout > TimeSpan.Zero && UpstreamTimeout.TotalMilliseconds <= int.MaxValue, nameof(UpstreamTimeout), $"UpstreamTimeout must be positive and finite, so that a silent upstream cannot hang a test; it is {UpstreamTimeout}.");
        foreach (var har in _replayHarFiles)
        {
            Check(!string.IsNullOrWhiteSpace(har), nameof(ReplayHarFiles), "ReplayHar was given an empty path; give the path of a HAR file.");
            Check(string.IsNullOrWhiteSpace(har) || File.Exists(har), nameof(ReplayHarFiles), $"ReplayHar: the file '{(string.IsNullOrWhiteSpace(har) ? har : Path.GetFullPath(har))}' does not exist. Record one with ProxyTo and SaveHar, save one from a browser's developer tools, or fix the path.");
        }

        var seedVariable = Environment.GetEnvironmentVariable(ServerChaos.SeedVariable);
        Check(ChaosSeed is not null || string.IsNullOrEmpty(seedVariable) || ServerChaos.SeedFromEnvironment() is not null, nameof(ChaosSeed), $"The environment variable {ServerChaos.SeedVariable} is '{seedVariable}', which is not a whole number: set it to the seed a failing test printed, such as 1234, or unset it.");
        if (problems.Count == 1)
        {
            throw new ArgumentException(problems[0].Problem, problems[0].Option);
        }

        if (problems.Count > 1)
        {
            throw new ArgumentException($"{problems.Count} options are not valid:" + string.Concat(problems.Select(p => "\n- " + p.Problem)), problems[0].Option);
        }
    }

    private void ValidateHosts(Action<bool, string, string> check)
    {
        var patterns = new List<HostPattern>();
        foreach (var name in _hosts)
        {
            check(HostPattern.TryParse(name, out var pattern, out var problem), nameof(Hosts), problem ?? string.Empty);
            if (pattern is not null)
            {
                patterns.Add(pattern);
            }
        }

        check(!EnableForwardProxy || _hosts.Count != 0, nameof(EnableForwardProxy), "EnableForwardProxy lets through only the names given to ForHosts, and none were given: call options.ForHosts(\"api.example.com\") as well, or leave EnableForwardProxy off.");
        check(!(Http2Cleartext && _hosts.Count != 0), nameof(Http2Cleartext), "Http2Cleartext cannot be combined with ForHosts: the port of a server with routed hosts speaks TLS (HTTP/2 by ALPN) and plain HTTP/1.1. Remove Http2Cleartext and set ClientPrefersHttp2 for HTTP/2 over https:// URLs.");
        if (HttpsCertificate is { } certificate)
        {
            foreach (var pattern in patterns)
            {
                // A wildcard is checked with one name under it: a certificate covers all of them or none.
                var sample = pattern.IsWildcard ? "fakehttp-check" + pattern.Suffix : pattern.Text;
                check(certificate.MatchesHostname(sample), nameof(Hosts), $"The certificate given to UseHttps does not cover {pattern}, which ForHosts routes, so outside clients (curl, Python, browsers) would refuse it. Call UseHttps() without a certificate for one that covers every routed name, or add the name to yours.");
            }
        }
    }
}
