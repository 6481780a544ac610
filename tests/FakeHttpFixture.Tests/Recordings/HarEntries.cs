using System.Text.Json;

namespace FakeHttpFixture.Tests.Recordings;

/// <summary>Reads back what a test's HAR file holds.</summary>
internal static class HarEntries
{
    public static JsonElement[] Of(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        return [.. document.RootElement.GetProperty("log").GetProperty("entries").EnumerateArray().Select(e => e.Clone())];
    }

    public static string Url(JsonElement entry) => entry.GetProperty("request").GetProperty("url").GetString()!;

    public static string? Break(JsonElement entry) =>
        entry.TryGetProperty("_fakehttp", out var own) && own.TryGetProperty("break", out var broke) ? broke.GetString() : null;

    public static (string Name, string Value)[] Headers(JsonElement entry, string side) =>
        [.. entry.GetProperty(side).GetProperty("headers").EnumerateArray().Select(h => (h.GetProperty("name").GetString()!, h.GetProperty("value").GetString()!))];

    public static (string Name, string Value)[] Cookies(JsonElement entry, string side) =>
        [.. entry.GetProperty(side).GetProperty("cookies").EnumerateArray().Select(h => (h.GetProperty("name").GetString()!, h.GetProperty("value").GetString()!))];

    /// <summary>A HAR of the given entries, each "METHOD URL STATUS BODY" ("GET https://svc/a 200 one"); status 0 for one that never got a response.</summary>
    public static string Har(params string[] entries) => JsonSerializer.Serialize(new
    {
        log = new
        {
            version = "1.2",
            entries = entries.Select(e => e.Split(' ', 4)).Select(p => new
            {
                request = new { method = p[0], url = p[1], headers = Array.Empty<object>() },
                response = new
                {
                    status = int.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture),
                    headers = new[] { new { name = "Content-Type", value = "text/plain" } },
                    content = new { mimeType = "text/plain", text = p.Length > 3 ? p[3] : string.Empty },
                },
            }),
        },
    });
}
