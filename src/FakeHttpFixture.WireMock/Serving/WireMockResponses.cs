using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FakeHttpFixture;

/// <summary>
/// Turns a mapping's response into a <see cref="StubResponse"/> the server plays: WireMock's faults become the server's own, delays
/// become its delays, and the status line, headers and body are written as WireMock writes them (no Content-Type unless the mapping
/// gives one, a Matched-Stub-Id header).
/// </summary>
internal static class WireMockResponses
{
    public static StubResponse For(Mapping mapping, RequestFacts request, string? filesRoot)
    {
        var definition = mapping.Response;
        if (definition.ProxyBaseUrl is not null)
        {
            var proxied = WireMockProxy.For(definition, request);
            return definition.FixedDelayMilliseconds > 0 ? proxied.WithDelay(Delay(definition)) : proxied;
        }

        if (mapping.Prepared is { } prepared)
        {
            return definition.DelayDistribution is { } distribution ? prepared.WithDelay(Delay(definition) + distribution.Sample()) : prepared;
        }

        var response = Build(mapping, request, filesRoot);
        if (definition.DelayDistribution is { } random)
        {
            response = response.WithDelay(Delay(definition) + random.Sample());
        }
        else if (!definition.Templated && definition.BodyFileName is null)
        {
            mapping.Prepared = response;
        }

        return response;
    }

    private static TimeSpan Delay(ResponseDefinition definition) => TimeSpan.FromMilliseconds(definition.FixedDelayMilliseconds);

    private static StubResponse Build(Mapping mapping, RequestFacts request, string? filesRoot)
    {
        var definition = mapping.Response;
        var response = definition.Fault switch
        {
            // WireMock closes the socket without a byte; the server's nearest is a reset, which clients report the same way.
            "CONNECTION_RESET_BY_PEER" or "EMPTY_RESPONSE" => StubResponse.ResetConnection(),
            "RANDOM_DATA_THEN_CLOSE" => StubResponse.MalformedStatusLine(),
            "MALFORMED_RESPONSE_CHUNK" => StubResponse.Status(definition.Status).CloseAfterHeaders(),
            _ => definition.DribbleChunks > 0 ? Dribble(mapping, request, filesRoot) : Written(mapping, request, filesRoot),
        };
        return definition.FixedDelayMilliseconds > 0 ? response.WithDelay(Delay(definition)) : response;
    }

    private static StubResponse Written(Mapping mapping, RequestFacts request, string? filesRoot)
    {
        var definition = mapping.Response;
        var id = mapping.Id.ToString();
        var body = definition.Templated || definition.BodyFileName is not null ? null : definition.Body ?? [];
        var facts = body is null ? request : null; // a prepared response keeps no request alive
        return StubResponse.Handler(async context =>
        {
            var content = body ?? await BodyAsync(mapping, facts!, filesRoot, context.RequestAborted).ConfigureAwait(false);
            var http = context.Response;
            http.StatusCode = definition.Status;
            if (definition.StatusMessage is { } message)
            {
                context.Features.GetRequiredFeature<IHttpResponseFeature>().ReasonPhrase = message;
            }

            foreach (var (name, value) in definition.Headers)
            {
                http.Headers.Append(name, value);
            }

            http.Headers["Matched-Stub-Id"] = id;
            http.ContentLength = content.Length;
            if (!HttpMethods.IsHead(context.Request.Method) && content.Length > 0)
            {
                await http.Body.WriteAsync(content, context.RequestAborted).ConfigureAwait(false);
            }
        });
    }

    // chunkedDribbleDelay: the body in the given number of chunks, spread over the given time, through the server's chunking and throttling.
    private static StubResponse Dribble(Mapping mapping, RequestFacts request, string? filesRoot)
    {
        var definition = mapping.Response;
        var body = BodyAsync(mapping, request, filesRoot, CancellationToken.None).GetAwaiter().GetResult();
        var response = StubResponse.Bytes(body, definition.Header("Content-Type") ?? "application/octet-stream").WithStatus(definition.Status);
        foreach (var (name, value) in definition.Headers.Where(h => !string.Equals(h.Key, "Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            response = response.WithHeader(name, value);
        }

        var chunk = Math.Max(1, (body.Length + definition.DribbleChunks - 1) / definition.DribbleChunks);
        var perSecond = (int)Math.Clamp(body.Length * 1000L / Math.Max(1, definition.DribbleMilliseconds), 1, int.MaxValue);
        return response.WithHeader("Matched-Stub-Id", mapping.Id.ToString()).Chunked(chunk).WithThrottle(perSecond);
    }

    private static async Task<byte[]> BodyAsync(Mapping mapping, RequestFacts request, string? filesRoot, CancellationToken token)
    {
        var definition = mapping.Response;
        var model = definition.Templated ? TemplateModel.Create(request, PathParameters(mapping, request)) : null;
        if (definition.BodyFileName is { } name)
        {
            var file = Path.Combine(filesRoot ?? Directory.GetCurrentDirectory(), model is null ? name : TemplateEngine.Render(name, model));
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"The mapping {mapping.Id} answers with bodyFileName '{name}', and '{file}' does not exist. Put it under __files, or fix the name.", file);
            }

            var bytes = await File.ReadAllBytesAsync(file, token).ConfigureAwait(false);
            return model is null ? bytes : Encoding.UTF8.GetBytes(TemplateEngine.Render(Encoding.UTF8.GetString(bytes), model));
        }

        return model is not null && definition.BodyText is { } text ? Encoding.UTF8.GetBytes(TemplateEngine.Render(text, model)) : definition.Body ?? [];
    }

    private static Dictionary<string, string>? PathParameters(Mapping mapping, RequestFacts request) =>
        mapping.Request.Url.Kind == UrlMatchKind.UrlPathTemplate && mapping.Request.Url.IsMatch(request, out var values) ? values : null;
}
