using System.Text;
using System.Text.Json;

namespace FakeHttpFixture;

/// <summary>Follows local references ("#/components/…") inside the document's JSON, and writes JSON pointers.</summary>
internal static class JsonRefs
{
    private const int MaxHops = 32;

    /// <summary>Returns the element a chain of local <c>$ref</c>s ends at, with its pointer; an element that is no reference comes back as it is.</summary>
    public static (JsonElement Element, string Pointer) Resolve(JsonElement root, JsonElement element, string pointer)
    {
        for (var hop = 0; hop < MaxHops; hop++)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("$ref", out var reference) || reference.ValueKind != JsonValueKind.String)
            {
                return (element, pointer);
            }

            var target = reference.GetString()!;
            if (!target.StartsWith('#'))
            {
                throw new InvalidOperationException($"The reference '{target}' at {pointer} points outside the document; only local references (\"#/components/…\") are supported.");
            }

            pointer = Uri.UnescapeDataString(target[1..]);
            element = At(root, pointer) ?? throw new InvalidOperationException($"The reference '{target}' points at nothing in the document.");
        }

        throw new InvalidOperationException($"The references starting at {pointer} go round in a circle.");
    }

    /// <summary>Returns the element at a JSON pointer, or null when there is none.</summary>
    public static JsonElement? At(JsonElement root, string pointer)
    {
        var current = root;
        if (pointer.Length == 0)
        {
            return current;
        }

        foreach (var raw in pointer[1..].Split('/'))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(token, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(token, out var index) && index >= 0 && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>Appends one token to a pointer, escaped.</summary>
    public static string Append(string pointer, string token) =>
        new StringBuilder(pointer).Append('/').Append(token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)).ToString();

    /// <summary>Returns a property's value, or null when the element is no object or lacks it.</summary>
    public static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;
}
