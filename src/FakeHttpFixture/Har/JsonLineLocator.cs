using System.Text.Json;

namespace FakeHttpFixture;

/// <summary>
/// Finds the line of a value in a JSON document from its path ("log", "entries", 3, "request"), for messages about a file a person
/// edits. JsonDocument keeps no positions, so the document is read once more, only when there is something wrong to report.
/// </summary>
internal static class JsonLineLocator
{
    /// <summary>Returns the 1-based line where the value at <paramref name="path"/> starts; the line of the document's start when it is not found.</summary>
    public static int LineOf(ReadOnlySpan<byte> json, IReadOnlyList<object> path)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[^1].Property = reader.GetString();
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        continue;
                }

                if (frames.Count != 0 && frames[^1].IsArray)
                {
                    frames[^1].Index++;
                }

                if (Matches(frames, path))
                {
                    return Line(json, reader.TokenStartIndex);
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    frames.Add(new Frame { IsArray = reader.TokenType == JsonTokenType.StartArray });
                }
            }
        }
        catch (JsonException)
        {
            // The document parsed once already; a reader that disagrees just leaves the line unknown.
        }

        return 1;
    }

    private static bool Matches(List<Frame> frames, IReadOnlyList<object> path)
    {
        if (frames.Count != path.Count)
        {
            return false;
        }

        for (var i = 0; i < frames.Count; i++)
        {
            var matches = path[i] switch
            {
                int index => frames[i].IsArray && frames[i].Index == index,
                string name => !frames[i].IsArray && frames[i].Property == name,
                _ => false,
            };
            if (!matches)
            {
                return false;
            }
        }

        return true;
    }

    private static int Line(ReadOnlySpan<byte> json, long offset) => json[..(int)offset].Count((byte)'\n') + 1;

    private sealed class Frame
    {
        public bool IsArray { get; init; }

        public int Index { get; set; } = -1;

        public string? Property { get; set; }
    }
}
