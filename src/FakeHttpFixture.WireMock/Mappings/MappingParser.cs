using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeHttpFixture;

/// <summary>Reads WireMock mapping JSON (one mapping, or <c>{ "mappings": [...] }</c>) into <see cref="Mapping"/>s, refusing what it does not know.</summary>
internal static class MappingParser
{
    private static readonly string[] MappingWords = ["id", "uuid", "name", "request", "response", "priority", "scenarioName", "requiredScenarioState", "newScenarioState", "persistent", "metadata", "insertionIndex"];
    private static readonly string[] RequestWords = ["method", "url", "urlPattern", "urlPath", "urlPathPattern", "urlPathTemplate", "pathParameters", "queryParameters", "headers", "cookies", "bodyPatterns"];
    private static readonly string[] UrlWords = ["url", "urlPattern", "urlPath", "urlPathPattern", "urlPathTemplate"];

    /// <summary>Parses a file's or a request's text.</summary>
    /// <param name="text">The JSON.</param>
    /// <param name="file">The file, for messages; null for the admin API.</param>
    /// <param name="filesRoot">The __files directory bodyFileName is read from, or null.</param>
    public static List<Mapping> Parse(string text, string? file, string? filesRoot)
    {
        var reader = new MappingReader(file);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new WireMockMappingException($"WireMock mapping {reader.Where} is not JSON: {ex.Message}", ex) { File = file, JsonPath = ex.Path ?? "$" };
        }

        var top = reader.Object(root, "$");
        if (top["mappings"] is { } list)
        {
            reader.OnlyKnown(top, "$", ["mappings", "meta", "importOptions"], "a file of mappings");
            var array = list as JsonArray ?? throw reader.Fail("$.mappings", $"expected an array of mappings, found {MappingReader.Describe(list)}.");
            return [.. array.Select((item, i) => ParseOne(reader, reader.Object(item, $"$.mappings[{i}]"), $"$.mappings[{i}]", filesRoot))];
        }

        return [ParseOne(reader, top, "$", filesRoot)];
    }

    /// <summary>Parses a request pattern on its own, as /__admin/requests/count and /find receive it.</summary>
    public static RequestPattern ParsePattern(string text)
    {
        var reader = new MappingReader(null);
        try
        {
            return ParseRequest(reader, reader.Object(JsonNode.Parse(text), "$"), "$");
        }
        catch (JsonException ex)
        {
            throw new WireMockMappingException($"The request pattern sent to the admin API is not JSON: {ex.Message}", ex) { JsonPath = ex.Path ?? "$" };
        }
    }

    private static Mapping ParseOne(MappingReader reader, JsonObject node, string path, string? filesRoot)
    {
        reader.OnlyKnown(node, path, MappingWords, "a mapping");
        var idText = reader.OptionalString(node, "id", path) ?? reader.OptionalString(node, "uuid", path);
        var id = Guid.NewGuid();
        if (idText is not null && !Guid.TryParse(idText, out id))
        {
            throw reader.Fail($"{path}.id", $"'{idText}' is not a UUID; give one such as 8c5db8b0-2db4-4ad7-a99f-38c9b00da3f7, or leave the id out.");
        }

        var json = (JsonObject)node.DeepClone();
        json["id"] = id.ToString();
        json["uuid"] = id.ToString();
        return new Mapping
        {
            Id = id,
            Name = reader.OptionalString(node, "name", path),
            Priority = node["priority"] is { } priority ? reader.Int(priority, $"{path}.priority") : Mapping.DefaultPriority,
            Request = ParseRequest(reader, reader.Object(node["request"] ?? throw reader.Fail(path, "a mapping needs a 'request'."), $"{path}.request"), $"{path}.request"),
            Response = node["response"] is { } response ? ResponseParser.Parse(reader, reader.Object(response, $"{path}.response"), $"{path}.response", filesRoot) : new ResponseDefinition(),
            ScenarioName = reader.OptionalString(node, "scenarioName", path),
            RequiredScenarioState = reader.OptionalString(node, "requiredScenarioState", path),
            NewScenarioState = reader.OptionalString(node, "newScenarioState", path),
            Source = reader.Where,
            Json = json,
        };
    }

    private static RequestPattern ParseRequest(MappingReader reader, JsonObject node, string path)
    {
        reader.OnlyKnown(node, path, RequestWords, "a request pattern");
        var urls = UrlWords.Where(word => node[word] is not null).ToList();
        if (urls.Count > 1)
        {
            throw reader.Fail($"{path}.{urls[1]}", $"a request pattern names its URL once, and this one has both '{urls[0]}' and '{urls[1]}'.");
        }

        var url = UrlMatcher.AnyUrl;
        if (urls.Count == 1)
        {
            var kind = Enum.Parse<UrlMatchKind>(urls[0], ignoreCase: true);
            try
            {
                url = new UrlMatcher(kind, reader.String(node[urls[0]], $"{path}.{urls[0]}"));
            }
            catch (ArgumentException ex)
            {
                throw reader.Fail($"{path}.{urls[0]}", $"the regular expression does not compile: {ex.Message}");
            }
        }

        var pathParameters = MatcherParser.ReadMap(reader, node, "pathParameters", path, StringComparer.Ordinal);
        if (pathParameters.Count > 0 && url.Kind != UrlMatchKind.UrlPathTemplate)
        {
            throw reader.Fail($"{path}.pathParameters", "pathParameters need a urlPathTemplate such as \"/users/{id}\".");
        }

        foreach (var name in pathParameters.Keys.Where(name => !url.TemplateNames().Contains(name)))
        {
            throw reader.Fail($"{path}.pathParameters.{name}", $"the urlPathTemplate '{url.Value}' has no {{{name}}} segment.");
        }

        var bodies = node["bodyPatterns"] is { } list
            ? (list as JsonArray ?? throw reader.Fail($"{path}.bodyPatterns", "expected an array of body patterns.")).Select((item, i) => MatcherParser.ReadBody(reader, item, $"{path}.bodyPatterns[{i}]")).ToList()
            : [];
        return new RequestPattern
        {
            Method = reader.OptionalString(node, "method", path),
            Url = url,
            PathParameters = pathParameters,
            QueryParameters = MatcherParser.ReadMap(reader, node, "queryParameters", path, StringComparer.Ordinal),
            Headers = MatcherParser.ReadMap(reader, node, "headers", path, StringComparer.OrdinalIgnoreCase),
            Cookies = MatcherParser.ReadMap(reader, node, "cookies", path, StringComparer.Ordinal),
            BodyPatterns = bodies,
        };
    }
}
