using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace FakeHttpFixture;

/// <content>Reading and checking single fields of a HAR file, with the line of each problem, and headers that can go on the wire.</content>
internal sealed partial class HarReader
{
    // What a replay may send: not the headers of the recorded connection, not HTTP/2 pseudo-headers, not a Content-Length (the
    // replay sends the body's own), not a Content-Encoding over a body the recorder decoded, and not a value with control characters.
    private static (List<KeyValuePair<string, StringValues>> Headers, long? ContentLength) Sendable(List<(string Name, string Value)> headers, bool keepContentEncoding)
    {
        var connection = HopByHopHeaders.Listed(headers.Where(h => h.Name.Equals(HeaderNames.Connection, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value));
        var grouped = new List<(string Name, List<string> Values)>();
        long? contentLength = null;
        foreach (var (name, value) in headers)
        {
            if (name.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                contentLength = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : contentLength;
                continue;
            }

            if (HopByHopHeaders.Contains(name, connection) || !IsToken(name) || !IsSendable(value)
                || (!keepContentEncoding && name.Equals(HeaderNames.ContentEncoding, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var group = grouped.FindIndex(g => g.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (group < 0)
            {
                grouped.Add((name, [value]));
            }
            else
            {
                grouped[group].Values.Add(value);
            }
        }

        return ([.. grouped.Select(g => new KeyValuePair<string, StringValues>(g.Name, g.Values.Count == 1 ? new StringValues(g.Values[0]) : new StringValues([.. g.Values])))], contentLength);
    }

    private static bool IsToken(string name) => name.Length != 0 && name.All(c => c is > ' ' and < '\u007f' && !"()<>@,;:\\\"/[]?={}".Contains(c, StringComparison.Ordinal));

    // Any text but control characters: non-ASCII goes out as UTF-8 (the server's ResponseHeaderEncodingSelector), as it came in.
    private static bool IsSendable(string value) => value.All(c => c == '\t' || !char.IsControl(c));

    private JsonElement Required(JsonElement holder, object[] path, string name, JsonValueKind kind)
    {
        if (!holder.TryGetProperty(name, out var value))
        {
            throw Fail(path, $"has no \"{name}\", which replay needs");
        }

        return value.ValueKind == kind ? value : throw Fail([.. path, name], $"must be {KindName(kind)}; it is {Describe(value)}");
    }

    private JsonElement? Optional(JsonElement holder, object[] path, string name, JsonValueKind kind)
    {
        if (!holder.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == kind ? value : throw Fail([.. path, name], $"must be {KindName(kind)}; it is {Describe(value)}");
    }

    private InvalidDataException Fail(object[] path, string problem)
    {
        var line = JsonLineLocator.LineOf(_json.Span, path);
        var field = path.Length == 0 ? "the document" : string.Concat(path.Select((p, i) => p is int n ? string.Create(CultureInfo.InvariantCulture, $"[{n}]") : i == 0 ? (string)p : "." + p));
        return new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"The HAR file '{_file}' cannot be replayed: line {line}: {field} {problem}. Fix the file, or record it again."));
    }

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => kind.ToString(),
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{Shorten(value.GetString()!)}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => "null",
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private List<(string Name, string Value)> Headers(JsonElement response, object[] responsePath)
    {
        if (Optional(response, responsePath, "headers", JsonValueKind.Array) is not { } headers)
        {
            return [];
        }

        return Pairs(headers, [.. responsePath, "headers"]);
    }

    private List<(string Name, string Value)> Pairs(JsonElement array, object[] path)
    {
        var pairs = new List<(string, string)>(array.GetArrayLength());
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            object[] itemPath = [.. path, index++];
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Fail(itemPath, $"must be an object with a name and a value; it is {Describe(item)}");
            }

            pairs.Add((Required(item, itemPath, "name", JsonValueKind.String).GetString()!, Required(item, itemPath, "value", JsonValueKind.String).GetString()!));
        }

        return pairs;
    }
}
