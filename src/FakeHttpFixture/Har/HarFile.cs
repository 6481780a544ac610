using System.Text.Json;

namespace FakeHttpFixture;

/// <summary>A HAR file as replay read it: the entries it can replay, and every entry as written, which a refresh writes back.</summary>
internal sealed class HarFile(string path, List<HarEntry> entries, List<JsonElement> raw)
{
    /// <summary>Gets the file's full path.</summary>
    public string Path { get; } = path;

    /// <summary>Gets the entries replay can answer with, in the file's order.</summary>
    public List<HarEntry> Entries { get; } = entries;

    /// <summary>Gets every entry of the file as written (each its own copy), those replay skips included, in the file's order.</summary>
    public List<JsonElement> Raw { get; } = raw;
}
