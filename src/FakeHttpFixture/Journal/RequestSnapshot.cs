using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FakeHttpFixture;

/// <summary>Copies what the journal keeps out of Kestrel's per-connection objects, which are reused for the next request.</summary>
internal static class RequestSnapshot
{
    private static readonly object ExchangeCounterKey = new();

    public static RecordedRequest Create(HttpContext context, DateTimeOffset timestamp, BodyReadResult body)
    {
        var request = context.Request;
        var headers = HeaderSnapshot.CopyEntries(request.Headers);
        var path = request.Path.HasValue ? request.Path.Value! : "/";
        var query = request.QueryString.HasValue ? request.QueryString.Value! : string.Empty;
        // The raw header, not HttpRequest.Host, whose getter throws on bad punycode ("xn--").
        var host = request.Headers.Host.ToString();
        // The feature directly: HttpContext.Connection would allocate a wrapper per request.
        var connection = context.Features.Get<IHttpConnectionFeature>();
        var clientCertificate = context.Features.Get<ITlsConnectionFeature>()?.ClientCertificate;
        var origin = new RequestOrigin(request.PathBase.ToUriComponent(), connection?.LocalIpAddress, connection?.LocalPort ?? 0, connection?.RemoteIpAddress, connection?.RemotePort ?? 0);
        return new RecordedRequest(body.Body, origin, headers)
        {
            Timestamp = timestamp,
            Method = request.Method,
            ConnectProtocol = HttpMethods.IsConnect(request.Method) ? context.Features.Get<IHttpExtendedConnectFeature>()?.Protocol : null,
            Path = path,
            QueryString = query,
            Protocol = request.Protocol,
            Scheme = request.Scheme,
            Host = host,
            RawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? path + query,
            ConnectionId = connection?.ConnectionId ?? string.Empty,
            ExchangeIndex = NextExchangeIndex(context),
            Aborted = body.Outcome is BodyOutcome.ClientGone or BodyOutcome.Malformed,
            Rejected = body.Outcome is BodyOutcome.Refused or BodyOutcome.NotStored,
            ClientCertificateSubject = clientCertificate?.Subject,
            ClientCertificateThumbprint = clientCertificate?.Thumbprint,
        };
    }

    // Kestrel keeps one items bag per connection; a counter in it numbers the requests of that connection.
    // HTTP/2 streams of one connection run concurrently, hence the lock and the interlocked increment.
    private static int NextExchangeIndex(HttpContext context)
    {
        var items = context.Features.Get<IConnectionItemsFeature>()?.Items;
        if (items is null)
        {
            return 0;
        }

        StrongBox<int> counter;
        lock (items)
        {
            if (items.TryGetValue(ExchangeCounterKey, out var existing))
            {
                counter = (StrongBox<int>)existing!;
            }
            else
            {
                items[ExchangeCounterKey] = counter = new StrongBox<int>(-1);
            }
        }

        return Interlocked.Increment(ref counter.Value);
    }
}
