using System.Text;
using System.Text.Json.Nodes;

namespace FakeHttpFixture;

/// <summary>Reads a mapping's <c>response</c>.</summary>
internal static class ResponseParser
{
    /// <summary>WireMock's fault names this package plays, each with one of the server's own faults (see WireMockResponses).</summary>
    public static readonly string[] Faults = ["CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE"];

    private static readonly string[] ResponseWords = ["status", "statusMessage", "headers", "body", "jsonBody", "base64Body", "bodyFileName", "fixedDelayMilliseconds", "delayDistribution", "chunkedDribbleDelay", "fault", "transformers", "transformerParameters", "proxyBaseUrl", "additionalProxyRequestHeaders", "proxyUrlPrefixToRemove"];

    public static ResponseDefinition Parse(MappingReader reader, JsonObject node, string path, string? filesRoot)
    {
        var proxyBaseUrl = reader.OptionalString(node, "proxyBaseUrl", path);
        if (proxyBaseUrl is not null && !(Uri.TryCreate(proxyBaseUrl, UriKind.Absolute, out var proxyUri) && (proxyUri.Scheme == Uri.UriSchemeHttp || proxyUri.Scheme == Uri.UriSchemeHttps)))
        {
            throw reader.Fail($"{path}.proxyBaseUrl", $"'{proxyBaseUrl}' is not an absolute http:// or https:// address such as http://otherhost.example.");
        }

        reader.OnlyKnown(node, path, ResponseWords, "a response");
        var bodies = new[] { "body", "jsonBody", "base64Body", "bodyFileName" }.Where(word => node[word] is not null).ToList();
        if (bodies.Count > 1)
        {
            throw reader.Fail($"{path}.{bodies[1]}", $"a response has one body, and this one has both '{bodies[0]}' and '{bodies[1]}'.");
        }

        string? text = null;
        byte[]? body = null;
        if (node["body"] is { } plain)
        {
            text = reader.String(plain, $"{path}.body");
        }
        else if (node["jsonBody"] is { } json)
        {
            text = json.ToJsonString();
        }
        else if (node["base64Body"] is { } base64)
        {
            try
            {
                body = Convert.FromBase64String(reader.String(base64, $"{path}.base64Body"));
            }
            catch (FormatException)
            {
                throw reader.Fail($"{path}.base64Body", "the text is not base64.");
            }
        }

        var fileName = reader.OptionalString(node, "bodyFileName", path);
        var templated = node["transformers"] is { } transformers && ReadTransformers(reader, transformers, $"{path}.transformers");
        if (fileName is not null && !templated && filesRoot is not null && !File.Exists(Path.Combine(filesRoot, fileName)))
        {
            throw reader.Fail($"{path}.bodyFileName", $"the file '{Path.Combine(filesRoot, fileName)}' does not exist; put it under __files, or fix the name.");
        }

        var fault = reader.OptionalString(node, "fault", path);
        if (fault is not null && Array.IndexOf(Faults, fault) < 0)
        {
            throw reader.Fail($"{path}.fault", $"'{fault}' is not a WireMock fault; give one of {string.Join(", ", Faults)}.");
        }

        var dribble = node["chunkedDribbleDelay"] is { } d ? reader.Object(d, $"{path}.chunkedDribbleDelay") : null;
        return new ResponseDefinition
        {
            Status = node["status"] is { } status ? reader.Int(status, $"{path}.status") : 200,
            StatusMessage = reader.OptionalString(node, "statusMessage", path),
            Headers = ReadHeaders(reader, node, path, "headers"),
            Body = body ?? (text is null ? null : Encoding.UTF8.GetBytes(text)),
            BodyText = text,
            BodyFileName = fileName,
            FixedDelayMilliseconds = node["fixedDelayMilliseconds"] is { } delay ? reader.Int(delay, $"{path}.fixedDelayMilliseconds") : 0,
            DelayDistribution = node["delayDistribution"] is { } distribution ? ReadDistribution(reader, reader.Object(distribution, $"{path}.delayDistribution"), $"{path}.delayDistribution") : null,
            DribbleChunks = dribble is null ? 0 : reader.Int(dribble["numberOfChunks"], $"{path}.chunkedDribbleDelay.numberOfChunks"),
            DribbleMilliseconds = dribble is null ? 0 : reader.Int(dribble["totalDuration"], $"{path}.chunkedDribbleDelay.totalDuration"),
            Fault = fault,
            Templated = templated,
            ProxyBaseUrl = proxyBaseUrl?.TrimEnd('/'),
            AdditionalProxyRequestHeaders = ReadHeaders(reader, node, path, "additionalProxyRequestHeaders"),
            ProxyUrlPrefixToRemove = reader.OptionalString(node, "proxyUrlPrefixToRemove", path),
        };
    }

    private static bool ReadTransformers(MappingReader reader, JsonNode node, string path)
    {
        var list = node as JsonArray ?? throw reader.Fail(path, "expected an array such as [\"response-template\"].");
        var templated = false;
        for (var i = 0; i < list.Count; i++)
        {
            var name = reader.String(list[i], $"{path}[{i}]");
            templated |= name == "response-template" ? true : throw reader.Fail($"{path}[{i}]", $"'{name}' is not a transformer FakeHttpFixture.WireMock has; it has response-template.");
        }

        return templated;
    }

    private static List<KeyValuePair<string, string>> ReadHeaders(MappingReader reader, JsonObject node, string path, string word)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (node[word] is null)
        {
            return headers;
        }

        foreach (var (name, value) in reader.Object(node[word], $"{path}.{word}"))
        {
            if (value is JsonArray values)
            {
                headers.AddRange(values.Select((v, i) => new KeyValuePair<string, string>(name, reader.String(v, $"{path}.{word}.{name}[{i}]"))));
            }
            else
            {
                headers.Add(new(name, value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number ? v.ToJsonString() : reader.String(value, $"{path}.{word}.{name}")));
            }
        }

        return headers;
    }

    private static DelayDistribution ReadDistribution(MappingReader reader, JsonObject node, string path)
    {
        var type = reader.String(node["type"], $"{path}.type");
        return type switch
        {
            "uniform" => new DelayDistribution(true, reader.Number(node["lower"], $"{path}.lower"), reader.Number(node["upper"], $"{path}.upper")),
            "lognormal" => new DelayDistribution(false, reader.Number(node["median"], $"{path}.median"), reader.Number(node["sigma"], $"{path}.sigma")),
            _ => throw reader.Fail($"{path}.type", $"'{type}' is not a delay distribution FakeHttpFixture.WireMock has; it has uniform and lognormal."),
        };
    }
}
