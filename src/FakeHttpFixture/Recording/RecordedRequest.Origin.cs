using System.Net;
using Microsoft.Extensions.Primitives;

namespace FakeHttpFixture;

/// <content>
/// The request's URL, client address and header dictionary, made on first read: most tests never read them, parsing a Uri per
/// request showed in profiles, and every object a journal entry holds is work for the GC under load.
/// </content>
public sealed partial class RecordedRequest
{
    private readonly RequestOrigin _origin;
    private Uri? _url;
    private IPEndPoint? _remoteEndPoint;
    private KeyValuePair<string, StringValues>[] _headerEntries = [];
    private HeaderSnapshot? _headers;

    internal RecordedRequest(RecordedBody body, RequestOrigin origin)
        : this(body) => _origin = origin;

    /// <summary>Gets the request headers as copied from Kestrel; <see cref="Headers"/> wraps them on first read.</summary>
    internal KeyValuePair<string, StringValues>[] HeaderEntries
    {
        get => _headerEntries;
        init => _headerEntries = value;
    }
}

/// <summary>What <see cref="RecordedRequest.Url"/> and <see cref="RecordedRequest.RemoteEndPoint"/> are made of, copied out of Kestrel's reused objects.</summary>
internal readonly record struct RequestOrigin(string PathBase, IPAddress? LocalAddress, int LocalPort, IPAddress? RemoteAddress, int RemotePort)
{
    public IPEndPoint? RemoteEndPoint() => RemoteAddress is { } address ? new IPEndPoint(address, RemotePort) : null;
}
