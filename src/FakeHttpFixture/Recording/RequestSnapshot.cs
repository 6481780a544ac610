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
        // The raw header, not HttpRequest.Host, whose getter throws on bad punycode ("xn--").
        var url = RequestUrl.Create(context, request.Headers.Host.ToString(), query);
        return new RecordedRequest(timestamp, request.Method, path, query, url, request.Protocol, headers, body.Body, body.IsAborted);
    }
}
