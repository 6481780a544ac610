using System.Text;

namespace FakeHttpFixture.Fuzz;

/// <summary>
/// How targets read their bytes, so seeds stay readable: lines of text, and a header block ("Name: value" lines up to an
/// empty line) followed by a body, as in an HTTP message.
/// </summary>
internal static class FuzzInput
{
    /// <summary>Decodes as UTF-8; invalid bytes become U+FFFD, as they would in any string a server hands on.</summary>
    public static string Text(ReadOnlySpan<byte> input) => Encoding.UTF8.GetString(input);

    /// <summary>Splits off the first line (without its CR LF or LF) and returns the rest.</summary>
    public static ReadOnlySpan<byte> FirstLine(ReadOnlySpan<byte> input, out string line)
    {
        var newline = input.IndexOf((byte)'\n');
        var head = newline < 0 ? input : input[..newline];
        line = Text(head.EndsWith("\r"u8) ? head[..^1] : head);
        return newline < 0 ? [] : input[(newline + 1)..];
    }

    /// <summary>Reads "Name: value" lines up to an empty line or the end; returns the bytes after the empty line.</summary>
    public static ReadOnlySpan<byte> Headers(ReadOnlySpan<byte> input, List<KeyValuePair<string, string>> headers)
    {
        while (!input.IsEmpty)
        {
            input = FirstLine(input, out var line);
            if (line.Length == 0)
            {
                break;
            }

            // A line without a name is skipped, as a server refuses it before any parser of ours could see it.
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? string.Empty : line[..colon].Trim();
            if (name.Length != 0)
            {
                headers.Add(new(name, line[(colon + 1)..].Trim()));
            }
        }

        return input;
    }
}
