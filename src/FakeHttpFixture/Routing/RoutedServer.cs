using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace FakeHttpFixture;

/// <summary>What a client handler or the forward proxy needs of one running server to send it the requests for its names.</summary>
/// <param name="Hosts">The names the server stands in for (ForHosts).</param>
/// <param name="EndPoint">The address to connect to: the server's port on its bind address, loopback for a wildcard bind.</param>
/// <param name="Certificate">The server's certificate, or <see langword="null"/> when it speaks plain HTTP only.</param>
/// <param name="BaseAddress">The server's own address, for messages.</param>
/// <param name="PrefersHttp2">Whether the server's options ask its clients for HTTP/2 (ClientPrefersHttp2).</param>
internal sealed record RoutedServer(IReadOnlyList<HostPattern> Hosts, IPEndPoint EndPoint, X509Certificate2? Certificate, Uri BaseAddress, bool PrefersHttp2)
{
    /// <summary>Returns whether <paramref name="host"/>:<paramref name="port"/> is the server's own address: its IP or localhost, on its port.</summary>
    public bool IsOwnAddress(string host, int port)
    {
        if (port != EndPoint.Port)
        {
            return false;
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.AsSpan().Trim("[]"), out var address) && (address.Equals(EndPoint.Address) || (IPAddress.IsLoopback(address) && IPAddress.IsLoopback(EndPoint.Address)));
    }
}
