using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FakeHttpFixture;

/// <summary>
/// A mapping with <c>proxyBaseUrl</c>: the request goes to that service with its method, path, query, headers and body (with the
/// mapping's <c>additionalProxyRequestHeaders</c>, without <c>proxyUrlPrefixToRemove</c>), and its answer comes back as sent, as
/// WireMock's proxy stubs do. One client for the process keeps connections alive; redirects are passed through, not followed,
/// and bodies stay as encoded.
/// </summary>
internal static class WireMockProxy
{
    // The headers of one connection, which a proxy never passes on (RFC 9110, section 7.6.1), and the ones the client recomputes.
    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host", "Content-Length",
    };

    private static readonly HttpClient Client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    public static StubResponse For(ResponseDefinition definition, RequestFacts request)
    {
        var target = request.Url;
        if (definition.ProxyUrlPrefixToRemove is { Length: > 0 } prefix && target.StartsWith(prefix, StringComparison.Ordinal))
        {
            target = target[prefix.Length..];
        }

        var upstream = new Uri(definition.ProxyBaseUrl + (target.StartsWith('/') ? target : "/" + target));
        return StubResponse.Handler(context => ForwardAsync(context, request.Request, upstream, definition.AdditionalProxyRequestHeaders));
    }

    private static async Task ForwardAsync(HttpContext context, RecordedRequest request, Uri upstream, IReadOnlyList<KeyValuePair<string, string>> extra)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), upstream);
        var body = request.Body;
        if (body.Length != 0)
        {
            message.Content = new ByteArrayContent(body);
        }

        foreach (var (name, values) in request.Headers)
        {
            if (NotForwarded.Contains(name) || name.StartsWith(':'))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(name, values))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, values);
            }
        }

        foreach (var (name, value) in extra)
        {
            message.Headers.Remove(name);
            if (!message.Headers.TryAddWithoutValidation(name, value) && message.Content is { } content)
            {
                content.Headers.Remove(name);
                content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var answer = await Client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted).ConfigureAwait(false);
        var response = context.Response;
        response.StatusCode = (int)answer.StatusCode;
        if (answer.ReasonPhrase is { Length: > 0 } reason && context.Features.Get<IHttpResponseFeature>() is { } feature)
        {
            feature.ReasonPhrase = reason;
        }

        // The values as the service sent them: the parsed view would split a Server header's product tokens into several lines.
        foreach (var (name, values) in answer.Headers.NonValidated.Concat(answer.Content.Headers.NonValidated))
        {
            if (!NotForwarded.Contains(name))
            {
                response.Headers[name] = values.ToArray();
            }
        }

        if (answer.Content.Headers.ContentLength is { } length)
        {
            response.ContentLength = length;
        }

        var stream = await answer.Content.ReadAsStreamAsync(context.RequestAborted).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            await stream.CopyToAsync(response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
