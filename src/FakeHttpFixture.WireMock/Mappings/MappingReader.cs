using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeHttpFixture;

/// <summary>Walks a mapping's JSON with its path, so every refusal names the file, the JSON path and the word.</summary>
internal sealed class MappingReader(string? file)
{
    public string Where => file is null ? "the mapping sent to the admin API" : $"'{file}'";

    public WireMockMappingException Fail(string path, string problem) =>
        new($"WireMock mapping {Where} at {path}: {problem}") { File = file, JsonPath = path };

    public JsonObject Object(JsonNode? node, string path) =>
        node as JsonObject ?? throw Fail(path, $"expected a JSON object, found {Describe(node)}.");

    public void OnlyKnown(JsonObject node, string path, string[] known, string what)
    {
        foreach (var (name, _) in node)
        {
            if (Array.IndexOf(known, name) < 0)
            {
                throw Fail($"{path}.{name}", $"'{name}' is not a word FakeHttpFixture.WireMock knows in {what}; it knows {string.Join(", ", known)}. See docs/wiremock.md for what is not supported.");
            }
        }
    }

    public string String(JsonNode? node, string path) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : throw Fail(path, $"expected a string, found {Describe(node)}.");

    public string? OptionalString(JsonObject parent, string name, string path) =>
        parent[name] is null ? null : String(parent[name], $"{path}.{name}");

    public int Int(JsonNode? node, string path) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) ? number : throw Fail(path, $"expected a whole number, found {Describe(node)}.");

    public double Number(JsonNode? node, string path) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : throw Fail(path, $"expected a number, found {Describe(node)}.");

    public bool Bool(JsonNode? node, string path) =>
        node is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : throw Fail(path, $"expected true or false, found {Describe(node)}.");

    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        _ => $"{node.GetValueKind().ToString().ToLowerInvariant()} {node.ToJsonString()}",
    };
}
