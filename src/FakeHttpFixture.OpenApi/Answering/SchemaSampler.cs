using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeHttpFixture;

/// <summary>
/// Makes one value a schema accepts, the same on every run: a const, enum or example the schema gives, else a value built from its
/// type, format and bounds; objects get their properties (only the required ones deep down, so recursive schemas end), arrays their
/// minimum of items (at least one). Patterns are met by trying a few plain strings; the answering stage checks the result.
/// </summary>
internal static class SchemaSampler
{
    private const int FullDepth = 6;
    private const int MaxDepth = 12;

    public static JsonNode? Sample(JsonElement root, JsonElement schema) => Sample(root, schema, 0);

    private static JsonNode? Sample(JsonElement root, JsonElement raw, int depth)
    {
        var schema = JsonRefs.Resolve(root, raw, string.Empty).Element;
        if (schema.ValueKind != JsonValueKind.Object || depth > MaxDepth)
        {
            return schema.ValueKind == JsonValueKind.True ? JsonValue.Create("sample") : null;
        }

        foreach (var given in (string[])["const", "example", "default"])
        {
            if (schema.TryGetProperty(given, out var value))
            {
                return JsonNode.Parse(value.GetRawText());
            }
        }

        foreach (var list in (string[])["enum", "examples"])
        {
            if (schema.TryGetProperty(list, out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() != 0)
            {
                return JsonNode.Parse(values[0].GetRawText());
            }
        }

        var node = Typed(root, schema, depth);
        foreach (var combined in (string[])["allOf", "oneOf", "anyOf"])
        {
            if (!schema.TryGetProperty(combined, out var branches) || branches.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var parts = combined == "allOf" ? branches.EnumerateArray().ToList() : branches.EnumerateArray().Take(1).ToList();
            foreach (var branch in parts)
            {
                node = Merge(node, Sample(root, branch, depth));
            }
        }

        return node;
    }

    private static JsonNode? Merge(JsonNode? into, JsonNode? from)
    {
        if (into is JsonObject target && from is JsonObject source)
        {
            foreach (var (name, value) in source.ToList())
            {
                source.Remove(name);
                target[name] ??= value;
            }

            return target;
        }

        return into ?? from;
    }

    private static JsonNode? Typed(JsonElement root, JsonElement schema, int depth)
    {
        var type = TypeOf(schema);
        return type switch
        {
            "object" => Object(root, schema, depth),
            "array" => Array(root, schema, depth),
            "string" => JsonValue.Create(SampleText.For(schema)),
            "integer" => JsonValue.Create((long)SampleNumber.For(schema, integer: true)),
            "number" => JsonValue.Create(SampleNumber.For(schema, integer: false)),
            "boolean" => JsonValue.Create(true),
            _ => null,
        };
    }

    private static string? TypeOf(JsonElement schema)
    {
        if (schema.TryGetProperty("type", out var type))
        {
            return type.ValueKind == JsonValueKind.Array
                ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null") ?? "null"
                : type.GetString();
        }

        return schema.TryGetProperty("properties", out _) ? "object"
            : schema.TryGetProperty("items", out _) ? "array"
            : schema.TryGetProperty("allOf", out _) || schema.TryGetProperty("oneOf", out _) || schema.TryGetProperty("anyOf", out _) ? null
            : "string";
    }

    private static JsonObject Object(JsonElement root, JsonElement schema, int depth)
    {
        var result = new JsonObject();
        var required = schema.TryGetProperty("required", out var names) && names.ValueKind == JsonValueKind.Array
            ? names.EnumerateArray().Select(n => n.GetString()).ToHashSet()
            : [];
        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                var wanted = required.Contains(property.Name)
                    || (depth < FullDepth && JsonRefs.Property(JsonRefs.Resolve(root, property.Value, string.Empty).Element, "writeOnly")?.ValueKind != JsonValueKind.True);
                if (wanted)
                {
                    result[property.Name] = Sample(root, property.Value, depth + 1);
                }
            }
        }

        return result;
    }

    private static JsonArray Array(JsonElement root, JsonElement schema, int depth)
    {
        var result = new JsonArray();
        var count = schema.TryGetProperty("minItems", out var min) && min.TryGetInt32(out var m) ? Math.Max(m, depth < FullDepth ? 1 : 0) : depth < FullDepth ? 1 : 0;
        if (schema.TryGetProperty("maxItems", out var max) && max.TryGetInt32(out var x))
        {
            count = Math.Min(count, x);
        }

        for (var i = 0; i < count; i++)
        {
            result.Add(schema.TryGetProperty("items", out var items) ? Sample(root, items, depth + 1) : JsonValue.Create("sample"));
        }

        return result;
    }
}
