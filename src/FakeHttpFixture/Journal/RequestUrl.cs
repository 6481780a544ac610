using System.Net;
using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>
/// Builds <see cref="RecordedRequest.Url"/> from the raw Host header. Kestrel lets through HTTP/1.0 requests without
/// Host and Host values that System.Uri ("a..b", "x:99999") or HttpRequest.Host ("xn--", bad punycode) throw on; such a
/// request's URL names the address it arrived at instead, and its Headers keep the Host as it was sent.
/// </summary>
internal static class RequestUrl
{
    public static Uri Create(RecordedRequest request, in RequestOrigin origin)
    {
        var pathAndQuery = $"{origin.PathBase}{new PathString(request.Path).ToUriComponent()}{request.QueryString}";
        if (request.Host.Length != 0 && Uri.TryCreate($"{request.Scheme}://{request.Host}{pathAndQuery}", UriKind.Absolute, out var url))
        {
            return url;
        }

        var local = origin.LocalAddress is { } ip ? new IPEndPoint(ip, origin.LocalPort).ToString() : "localhost";
        return new Uri($"{request.Scheme}://{local}{pathAndQuery}");
    }
}
