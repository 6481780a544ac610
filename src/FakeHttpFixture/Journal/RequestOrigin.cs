using System.Net;

namespace FakeHttpFixture;

/// <summary>What <see cref="RecordedRequest.Url"/> and <see cref="RecordedRequest.RemoteEndPoint"/> are made of, copied out of Kestrel's reused objects.</summary>
internal readonly record struct RequestOrigin(string PathBase, IPAddress? LocalAddress, int LocalPort, IPAddress? RemoteAddress, int RemotePort)
{
    public IPEndPoint? RemoteEndPoint() => RemoteAddress is { } address ? new IPEndPoint(address, RemotePort) : null;
}
