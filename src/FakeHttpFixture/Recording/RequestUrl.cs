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
    public static Uri Create(HttpContext context, string host, string query)
    {
        var request = context.Request;
        var pathAndQuery = $"{request.PathBase.ToUriComponent()}{request.Path.ToUriComponent()}{query}";
        if (host.Length != 0 && Uri.TryCreate($"{request.Scheme}://{host}{pathAndQuery}", UriKind.Absolute, out var url))
        {
            return url;
        }

        var connection = context.Connection;
        var local = connection.LocalIpAddress is { } ip ? new IPEndPoint(ip, connection.LocalPort).ToString() : "localhost";
        return new Uri($"{request.Scheme}://{local}{pathAndQuery}");
    }
}
