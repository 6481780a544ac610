namespace FakeHttpFixture;

/// <summary>
/// Sends the hosts of several servers (<see cref="HttpFixtureOptions.ForHosts"/>), each to its own server, through one handler: for
/// code under test that calls several outside services, each faked by a server of its own.
/// For one server, its own <see cref="HttpFixtureServer.CreateHandler()"/> does the same.
/// </summary>
public static class HttpFixtureRouting
{
    /// <summary>
    /// Creates a handler that connects each request to the server that routes its host, or whose own address it names, keeping the
    /// Host header and SNI; it trusts exactly the servers' certificates, and a request for any other host fails at once with an
    /// <see cref="HttpRequestException"/> that names the routed hosts. The caller should dispose it, or the client made with it.
    /// </summary>
    /// <param name="servers">The running servers; a name may be routed by one of them only.</param>
    /// <returns>The handler.</returns>
    /// <exception cref="ArgumentException">No server was given, or two servers route the same name.</exception>
    public static HttpMessageHandler CreateHandler(params HttpFixtureServer[] servers) => RoutingClientHandler.Create(Table(servers));

    /// <summary>
    /// Returns the command-line flags that send Chromium (or Chrome, Edge, Playwright's Chromium) to the servers for their routed
    /// names and make it trust exactly their certificates: <c>--host-resolver-rules</c> maps each name to its server and every other
    /// name to nowhere, and <c>--ignore-certificate-errors-spki-list</c> lists the certificates' <see cref="HttpFixtureServer.CertificateSpkiHash"/>.
    /// Chromium honours the second flag only when it runs with <c>--user-data-dir</c>.
    /// </summary>
    /// <param name="servers">The running servers.</param>
    /// <returns>The two flags, each an argument of its own.</returns>
    /// <exception cref="ArgumentException">No server was given, or two servers route the same name.</exception>
    public static IReadOnlyList<string> GetChromiumArguments(params HttpFixtureServer[] servers)
    {
        var table = Table(servers);
        var rules = new List<string>();
        foreach (var server in table.Servers)
        {
            var target = server.EndPoint.ToString();
            rules.AddRange(server.Hosts.Select(host => $"MAP {host} {target}"));
        }

        // Anything not routed resolves to nothing, as the handler refuses it; the servers' own addresses stay reachable.
        rules.Add("MAP * ~NOTFOUND");
        rules.Add("EXCLUDE localhost");
        var hashes = table.Servers.Where(s => s.Certificate is not null).Select(s => SpkiHash.Of(s.Certificate!)).Distinct(StringComparer.Ordinal);
        return
        [
            "--host-resolver-rules=" + string.Join(", ", rules),
            "--ignore-certificate-errors-spki-list=" + string.Join(",", hashes),
        ];
    }

    internal static HostRouteTable Table(HttpFixtureServer[] servers)
    {
        ArgumentNullException.ThrowIfNull(servers);
        if (servers.Length == 0 || Array.Exists(servers, s => s is null))
        {
            throw new ArgumentException("Give at least one running server, and no null.", nameof(servers));
        }

        return new HostRouteTable(servers.Select(s => s.Routing).Distinct());
    }
}
