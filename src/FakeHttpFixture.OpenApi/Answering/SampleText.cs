using System.Text.Json;
using System.Text.RegularExpressions;

namespace FakeHttpFixture;

/// <summary>
/// Makes a string for a string schema: one that fits its format, its pattern (Fare's Xeger makes a match, from a fixed seed, when
/// a plain candidate does not) and its lengths.
/// </summary>
internal static class SampleText
{
    private static readonly string[] Candidates = ["string", "sample", "a", "A", "abc", "ABC", "0", "1", "123", "a1", "A1", "abc123", "sample-1", "x"];

    public static string For(JsonElement schema)
    {
        var format = JsonRefs.Property(schema, "format")?.GetString();
        var text = format switch
        {
            "date" => "2024-01-01",
            "date-time" => "2024-01-01T00:00:00Z",
            "time" => "00:00:00Z",
            "duration" => "P1D",
            "uuid" => "3fa85f64-5717-4562-b3fc-2c963f66afa6",
            "email" or "idn-email" => "user@example.com",
            "uri" or "url" or "iri" => "https://example.com/",
            "uri-reference" or "iri-reference" => "/sample",
            "hostname" or "idn-hostname" => "example.com",
            "ipv4" => "192.0.2.1",
            "ipv6" => "2001:db8::1",
            "byte" => "c2FtcGxl",
            "password" => "password",
            _ => "string",
        };

        if (JsonRefs.Property(schema, "pattern")?.GetString() is { } pattern)
        {
            var regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            text = regex.IsMatch(text) ? text : Candidates.FirstOrDefault(regex.IsMatch) ?? Generate(pattern, regex) ?? text;
        }

        var min = JsonRefs.Property(schema, "minLength") is { } low && low.TryGetInt32(out var l) ? l : 0;
        var max = JsonRefs.Property(schema, "maxLength") is { } high && high.TryGetInt32(out var h) ? h : int.MaxValue;
        if (text.Length < min)
        {
            text += new string(text.Length == 0 ? 'a' : text[^1], min - text.Length);
        }

        return text.Length > max ? text[..max] : text;
    }

    // Xeger reads automaton syntax, where ^ and $ are no anchors: a pattern anchored at both ends is given without them, and what
    // it makes is kept only when .NET's Regex agrees that it matches.
    private static string? Generate(string pattern, Regex regex)
    {
        var body = pattern.StartsWith('^') ? pattern[1..] : pattern;
        body = body.EndsWith('$') && !body.EndsWith("\\$", StringComparison.Ordinal) ? body[..^1] : body;
        try
        {
            var made = new Fare.Xeger(body, new Random(1)).Generate();
            return regex.IsMatch(made) ? made : null;
        }
#pragma warning disable CA1031 // A pattern the automaton cannot read leaves the plain candidate; the answer is still made.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
