using System.Net;

namespace FakeHttpFixture;

/// <content>The request's URL and client address, made on first read: most tests never read them, and parsing a Uri per request showed in profiles.</content>
public sealed partial class RecordedRequest
{
    private readonly RequestOrigin _origin;
    private Uri? _url;
    private IPEndPoint? _remoteEndPoint;

    internal RecordedRequest(RecordedBody body, RequestOrigin origin)
        : this(body) => _origin = origin;
}

/// <summary>What <see cref="RecordedRequest.Url"/> and <see cref="RecordedRequest.RemoteEndPoint"/> are made of, copied out of Kestrel's reused objects.</summary>
internal readonly record struct RequestOrigin(string PathBase, IPAddress? LocalAddress, int LocalPort, IPAddress? RemoteAddress, int RemotePort)
{
    public IPEndPoint? RemoteEndPoint() => RemoteAddress is { } address ? new IPEndPoint(address, RemotePort) : null;
}
