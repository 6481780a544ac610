using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeHttpFixture;

/// <summary>Makes the answer of an operation from its first 2xx response: the media type's example, else a body made from its schema.</summary>
internal static class AnswerMaker
{
    public static PreparedAnswer? Make(ContractDocument document, ContractOperation operation)
    {
        var response = operation.Responses
            .Where(r => r.Key.Length == 3 && r.Key[0] == '2' && int.TryParse(r.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .FirstOrDefault() ?? operation.Responses.FirstOrDefault(r => string.Equals(r.Key, "2XX", StringComparison.OrdinalIgnoreCase));
        if (response is null)
        {
            return null;
        }

        var status = int.TryParse(response.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 200;
        var headers = response.Headers
            .Where(h => h.Required && h.Schema is not null)
            .Select(h => KeyValuePair.Create(h.Name, Text(SchemaSampler.Sample(document.Root, h.Schema!.Value))))
            .ToList();
        var media = response.Content.FirstOrDefault(m => MediaTypes.Essence(m.MediaType) == "application/json")
            ?? response.Content.FirstOrDefault(m => m.IsJson)
            ?? response.Content.FirstOrDefault();
        if (media is null || status == 204)
        {
            return new PreparedAnswer(status, null, headers, []);
        }

        JsonNode? value = media.Example is { } example ? JsonNode.Parse(example.GetRawText())
            : media.SchemaPointer is { } pointer && JsonRefs.At(document.Root, pointer) is { } schema ? SchemaSampler.Sample(document.Root, schema)
            : null;
        var contentType = media.MediaType.Contains('*', StringComparison.Ordinal) ? (media.IsJson ? "application/json" : "application/octet-stream") : media.MediaType;
        var body = media.IsJson ? (value?.ToJsonString() ?? "null") : Text(value);
        return new PreparedAnswer(status, contentType, headers, Encoding.UTF8.GetBytes(body));
    }

    // A string sample goes out as its text, anything else as its JSON.
    private static string Text(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString() ?? string.Empty;
}
