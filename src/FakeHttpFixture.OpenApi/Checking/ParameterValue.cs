using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeHttpFixture;

/// <summary>
/// Turns a parameter's text (path segment, query value, header) into the JSON value its schema describes, as OpenAPI's simple and
/// form styles send it: numbers and booleans when the text is one, arrays from repeated names or commas. Text that is no such value
/// stays a string, so the schema then says what it wanted.
/// </summary>
internal static class ParameterValue
{
    public static byte[] ToJson(JsonElement root, JsonElement schema, IReadOnlyList<string> values, bool explode)
    {
        JsonNode? node;
        if (HasType(schema, "array"))
        {
            var items = JsonRefs.Property(schema, "items") is { } raw ? JsonRefs.Resolve(root, raw, string.Empty).Element : default;
            var parts = explode ? values : [.. values.SelectMany(v => v.Split(','))];
            var array = new JsonArray();
            foreach (var part in parts)
            {
                array.Add(Scalar(items, part));
            }

            node = array;
        }
        else
        {
            node = Scalar(schema, values.Count == 0 ? string.Empty : values[0]);
        }

        return node is null ? "null"u8.ToArray() : JsonSerializer.SerializeToUtf8Bytes(node);
    }

    private static JsonNode? Scalar(JsonElement schema, string text)
    {
        if ((HasType(schema, "integer") || HasType(schema, "number")) && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        if (HasType(schema, "boolean") && bool.TryParse(text, out var flag) && (text == "true" || text == "false"))
        {
            return JsonValue.Create(flag);
        }

        return JsonValue.Create(text);
    }

    private static bool HasType(JsonElement schema, string type)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var declared))
        {
            return false;
        }

        return declared.ValueKind == JsonValueKind.String
            ? declared.ValueEquals(type)
            : declared.ValueKind == JsonValueKind.Array && declared.EnumerateArray().Any(t => t.ValueEquals(type));
    }
}
