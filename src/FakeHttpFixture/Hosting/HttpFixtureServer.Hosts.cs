using System.Net;

namespace FakeHttpFixture;

/// <content>Real host names: the names the server stands in for, stubs for them, and what child processes and browsers need to reach them.</content>
public sealed partial class HttpFixtureServer
{
    private RoutedServer? _routing;
    private HostRouteTable? _routes;
    private readonly Lock _proxyPemGate = new();
    private string? _proxyPemDirectory;
    private IReadOnlyList<string> _hostNames = [];

    /// <summary>Gets the host names the server stands in for, as <see cref="HttpFixtureOptions.ForHosts"/> normalized them (lower case, punycode); empty without ForHosts.</summary>
    public IReadOnlyList<string> Hosts => _hostNames;

    /// <summary>
    /// Gets the address of the forward proxy for the routed names, such as "http://127.0.0.1:40124/", for HTTPS_PROXY and HTTP_PROXY;
    /// <see langword="null"/> unless <see cref="HttpFixtureOptions.EnableForwardProxy"/> is set. <see cref="GetProxyEnvironment"/> gives
    /// the variables a child process needs.
    /// </summary>
    public Uri? ProxyAddress { get; private set; }

    internal RoutedServer Routing => _routing ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>
    /// Returns the environment variables that send a child process through <see cref="ProxyAddress"/> and make it trust this server's
    /// certificate: HTTPS_PROXY, HTTP_PROXY and their lower-case forms, an empty NO_PROXY, and the certificate's PEM file for OpenSSL
    /// (SSL_CERT_FILE, which Python's ssl reads), curl (CURL_CA_BUNDLE), Python's requests (REQUESTS_CA_BUNDLE) and Node
    /// (NODE_EXTRA_CA_CERTS). The PEM file is written once and deleted when the server is disposed.
    /// </summary>
    /// <returns>The variables, to copy into <c>ProcessStartInfo.Environment</c>.</returns>
    /// <exception cref="InvalidOperationException">The server was started without <see cref="HttpFixtureOptions.EnableForwardProxy"/>.</exception>
    public IReadOnlyDictionary<string, string> GetProxyEnvironment()
    {
        var proxy = ProxyAddress?.GetLeftPart(UriPartial.Authority) ?? throw new InvalidOperationException("The server has no forward proxy. Start it with options.EnableForwardProxy = true (and ForHosts) to reach its names from child processes.");
        var pem = ProxyPemFile();
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HTTPS_PROXY"] = proxy,
            ["https_proxy"] = proxy,
            ["HTTP_PROXY"] = proxy,
            ["http_proxy"] = proxy,
            ["NO_PROXY"] = string.Empty,
            ["no_proxy"] = string.Empty,
            ["SSL_CERT_FILE"] = pem,
            ["CURL_CA_BUNDLE"] = pem,
            ["REQUESTS_CA_BUNDLE"] = pem,
            ["NODE_EXTRA_CA_CERTS"] = pem,
        };
    }

    /// <summary>
    /// Returns the flags that send Chromium to this server for its routed names and make it trust exactly its certificate
    /// (<c>--host-resolver-rules</c> and <c>--ignore-certificate-errors-spki-list</c>); see <see cref="HttpFixtureRouting.GetChromiumArguments"/>
    /// for several servers.
    /// </summary>
    /// <returns>The flags, each an argument of its own.</returns>
    public IReadOnlyList<string> GetChromiumArguments() => HttpFixtureRouting.GetChromiumArguments(this);

    /// <summary>Notes what clients need to route to this server, once its port is known; starts the forward proxy.</summary>
    private void StartRouting(HostPattern[] hosts, ForwardProxy? proxy, IPEndPoint? proxyEndPoint)
    {
        var address = _options.BindAddress.Equals(IPAddress.Any) ? IPAddress.Loopback
            : _options.BindAddress.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
            : _options.BindAddress;
        _routing = new RoutedServer(hosts, new IPEndPoint(address, Port), Certificate, BaseAddress, _options.ClientPrefersHttp2);
        _hostNames = Array.AsReadOnly(hosts.Select(h => h.Text).ToArray());
        if (hosts.Length != 0)
        {
            _routes = new HostRouteTable([_routing]);
        }

        if (proxy is not null && proxyEndPoint is not null)
        {
            proxy.Start(_routes!, _stopping.Token);
            ProxyAddress = new Uri($"http://{new IPEndPoint(address, proxyEndPoint.Port)}/");
        }
    }

    /// <summary>Splits an absolute stub URL into the host part, which this server must route, and the path; a path is left as it is.</summary>
    private StubHost? TakeStubHost(ref string pathOrUrl, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathOrUrl, parameterName);
        if (!StubHost.TrySplit(pathOrUrl, out var host, out var path))
        {
            return null;
        }

        if (!Routing.Hosts.Any(host.Pattern.IsCoveredBy) && !Routing.IsOwnAddress(host.Pattern.Text, host.Port))
        {
            var routed = Routing.Hosts.Count == 0 ? "no names" : string.Join(", ", Routing.Hosts);
            throw new ArgumentException($"The stub for {pathOrUrl} can never match: this server routes {routed}, not {host.Pattern}. Add the name with options.ForHosts(\"{host.Pattern}\"), or stub the path alone.", parameterName);
        }

        pathOrUrl = path;
        return host;
    }

    private string ProxyPemFile()
    {
        lock (_proxyPemGate)
        {
            if (_proxyPemDirectory is null)
            {
                var directory = Directory.CreateTempSubdirectory("fakehttp-pem-").FullName;
                File.WriteAllText(Path.Combine(directory, "fixture.pem"), CertificatePem);
                _proxyPemDirectory = directory;
            }

            return Path.Combine(_proxyPemDirectory, "fixture.pem");
        }
    }
}
