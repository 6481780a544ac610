using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FakeHttpFixture;

/// <summary>How a miss report shows values: quoted and escaped, cut to a readable length, JSON compact.</summary>
internal static class ReportText
{
    public const int Width = 60;

    private static readonly JsonSerializerOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Returns <paramref name="value"/> in double quotes, control characters escaped, cut to <paramref name="max"/> characters.</summary>
    public static string Quote(string value, int max = Width)
    {
        var text = new StringBuilder(Math.Min(value.Length, max) + 4).Append('"');
        var length = 0;
        foreach (var c in value)
        {
            if (length++ == max)
            {
                text.Append('…');
                break;
            }

            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                _ when char.IsControl(c) => text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }

    /// <summary>Returns the values quoted and joined with ", ".</summary>
    public static string QuoteAll(IEnumerable<string?> values) => string.Join(", ", values.Select(v => Quote(v ?? string.Empty)));

    /// <summary>Returns <paramref name="element"/> as compact JSON, cut to <paramref name="max"/> characters.</summary>
    public static string Json(JsonElement element, int max = Width) => Cut(JsonSerializer.Serialize(element, CompactJson), max);

    /// <summary>Returns the start of the request's body as text on one line, or says it is empty or kept on disk.</summary>
    public static string Body(RecordedRequest request, int max = Width)
    {
        if (request.BodyLength == 0)
        {
            return "empty";
        }

        // A body kept on disk may be large; the report reads only what it shows.
        var text = request.BodySpilled ? Prefix(request, max * 4) : request.BodyText;
        return Cut(OneLine(text), max);
    }

    /// <summary>Returns the first sentence of an exception's message, for "the body is not JSON (…)".</summary>
    public static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    public static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "…");

    private static string OneLine(string text) => text.AsSpan().ContainsAny('\r', '\n', '\t')
        ? string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        : text;

    private static string Prefix(RecordedRequest request, int bytes)
    {
        using var body = request.OpenBody();
        var buffer = new byte[bytes];
        var read = body.ReadAtLeast(buffer, bytes, throwOnEndOfStream: false);
        return Charsets.Decode(buffer.AsSpan(0, read).ToArray(), request.Header("Content-Type"));
    }
}
