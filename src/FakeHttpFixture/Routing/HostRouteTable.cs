using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace FakeHttpFixture;

/// <summary>
/// Which running server answers which host: the routed names of one or several servers, and each server's own address.
/// A client handler connects through it (<see cref="ConnectAsync"/>) and trusts through it (<see cref="Trusts"/>); the forward proxy
/// asks it too. Anything it does not know is refused before a socket is opened, so a test never reaches the network by accident.
/// </summary>
internal sealed class HostRouteTable
{
    private readonly RoutedServer[] _servers;
    private readonly Dictionary<string, RoutedServer> _exact = new(StringComparer.OrdinalIgnoreCase);

    // Keyed by what follows the '*', such as ".example.com": a wildcard covers one label, so a name has one key to look up.
    private readonly Dictionary<string, RoutedServer> _wildcards = new(StringComparer.OrdinalIgnoreCase);

    public HostRouteTable(IEnumerable<RoutedServer> servers)
    {
        ArgumentNullException.ThrowIfNull(servers);
        _servers = [.. servers];
        foreach (var server in _servers)
        {
            foreach (var host in server.Hosts)
            {
                var table = host.IsWildcard ? _wildcards : _exact;
                if (table.TryGetValue(host.Suffix, out var other) && other != server)
                {
                    throw new ArgumentException($"{host} is routed by two servers, {other.BaseAddress} and {server.BaseAddress}; give each name to one server only.", nameof(servers));
                }

                table[host.Suffix] = server;
            }
        }

        Names = string.Join(", ", _servers.SelectMany(s => s.Hosts).Select(h => h.Text).Distinct(StringComparer.Ordinal));
    }

    /// <summary>Gets the servers, in the order given.</summary>
    public IReadOnlyList<RoutedServer> Servers => _servers;

    /// <summary>Gets the routed names, such as "api.github.com, *.example.com", for messages.</summary>
    public string Names { get; }

    /// <summary>Returns the server that answers <paramref name="host"/> on <paramref name="port"/>: a routed name on any port, or a server's own address.</summary>
    public RoutedServer? Find(string host, int port) => FindByName(host) ?? Array.Find(_servers, s => s.IsOwnAddress(host, port));

    /// <summary>Returns the server routing <paramref name="host"/> by name, an exact name before a wildcard.</summary>
    public RoutedServer? FindByName(string host)
    {
        if (host.EndsWith('.'))
        {
            host = host[..^1];
        }

        if (_exact.TryGetValue(host, out var server))
        {
            return server;
        }

        var dot = host.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && _wildcards.TryGetValue(host[dot..], out server) ? server : null;
    }

    /// <summary>Says why a request for <paramref name="host"/> went nowhere, and what to do.</summary>
    public string Refusal(string host, int port)
    {
        var routed = Names.Length == 0 ? "no names (no server was given ForHosts)" : Names;
        var own = string.Join(", ", _servers.Select(s => s.BaseAddress.ToString()));
        var advice = System.Net.IPAddress.TryParse(host.Trim('[', ']'), out _)
            ? $"{host} is an IP address, which ForHosts does not route (it stands in for services by name): have the client call a host name routed with options.ForHosts(\"api.example.com\"), or the fixture's own address above; requests are never let through to the network."
            : $"Add the name with options.ForHosts(\"{host}\") on the server that should answer it; requests are never let through to the network.";
        return $"FakeHttpFixture sent nothing to {host}:{port}: the fixture routes only {routed}, and its own address{(_servers.Length == 1 ? string.Empty : "es")} {own}. " + advice;
    }

    /// <summary>The ConnectCallback of a routing SocketsHttpHandler: a connection to the server that answers the host, whatever DNS says.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var target = context.DnsEndPoint;
        var server = Find(target.Host, target.Port) ?? throw new HttpRequestException(HttpRequestError.ConnectionError, Refusal(target.Host, target.Port));
        var socket = new Socket(server.EndPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(server.EndPoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The certificate check of a routing handler: a routed name must present exactly its server's certificate; a server's own
    /// address (an IP, which SNI does not carry) one of the servers' certificates, since every connection goes to one of them.
    /// Neither the trust store nor another certificate counts.
    /// </summary>
    public bool Trusts(object sender, X509Certificate? certificate)
    {
        if (certificate is null)
        {
            return false;
        }

        var presented = certificate.GetRawCertData();
        if (sender is SslStream { TargetHostName: { Length: > 0 } name } && FindByName(name) is { } server)
        {
            return server.Certificate is { } expected && presented.AsSpan().SequenceEqual(expected.RawData);
        }

        foreach (var candidate in _servers)
        {
            if (candidate.Certificate is { } expected && presented.AsSpan().SequenceEqual(expected.RawData))
            {
                return true;
            }
        }

        return false;
    }
}
