using System.Net;
using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>Copies what the journal keeps out of Kestrel's per-connection objects, which are reused for the next request.</summary>
internal static class RequestSnapshot
{
    public static RecordedRequest Create(HttpContext context, DateTimeOffset timestamp, BodyReadResult body)
    {
        var request = context.Request;
        var headers = new Dictionary<string, string[]>(request.Headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = header.Value.ToArray()!;
        }

        var path = request.Path.HasValue ? request.Path.Value! : "/";
        var query = request.QueryString.HasValue ? request.QueryString.Value! : string.Empty;
        var pathAndQuery = $"{request.PathBase.ToUriComponent()}{request.Path.ToUriComponent()}{query}";

        // Kestrel lets through HTTP/1.0 requests without Host and Host values that System.Uri ("a..b", "x:99999") or
        // HttpRequest.Host ("xn--", bad punycode) throw on: their URL names the address the request arrived at instead,
        // and Headers keep the Host as it was sent.
        var host = request.Headers.Host.ToString();
        if (host.Length == 0 || !Uri.TryCreate($"{request.Scheme}://{host}{pathAndQuery}", UriKind.Absolute, out var url))
        {
            var local = context.Connection.LocalIpAddress is { } ip ? new IPEndPoint(ip, context.Connection.LocalPort).ToString() : "localhost";
            url = new Uri($"{request.Scheme}://{local}{pathAndQuery}");
        }

        return new RecordedRequest(timestamp, request.Method, path, query, url, request.Protocol, headers, body.Body, body.IsAborted);
    }
}
