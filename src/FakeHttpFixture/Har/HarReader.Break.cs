using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;

namespace FakeHttpFixture;

/// <content>
/// The entry's own field <c>_fakehttp</c>, where a recording says how an answer broke: <c>"break": "reset after N bytes"</c> (the
/// upstream reset the connection), <c>"timeout after N bytes"</c> (it stopped sending), <c>"cut after N bytes"</c> (the response
/// was broken off otherwise), or <c>"fixture-answer"</c> (FakeHttpFixture answered itself, as its 502 for an upstream that failed).
/// </content>
internal sealed partial class HarReader
{
    /// <summary>The name of the entry's field that holds what FakeHttpFixture knows of an exchange beyond HAR's own fields.</summary>
    public const string OwnField = "_fakehttp";

    /// <summary>The value of <c>_fakehttp.break</c> for an answer FakeHttpFixture gave itself.</summary>
    public const string FixtureAnswer = "fixture-answer";

    private static readonly string[] BreakKinds = ["reset", "timeout", "cut"];

    private (bool FixtureAnswer, long? After) Break(JsonElement entry, object[] path)
    {
        if (Optional(entry, path, OwnField, JsonValueKind.Object) is not { } own)
        {
            return (false, null);
        }

        object[] ownPath = [.. path, OwnField];
        if (Optional(own, ownPath, "break", JsonValueKind.String)?.GetString() is not { } text)
        {
            return (false, null);
        }

        if (text == FixtureAnswer)
        {
            return (true, null);
        }

        var words = text.Split(' ');
        if (words.Length == 4 && BreakKinds.Contains(words[0]) && words[1] == "after" && words[3] == "bytes"
            && long.TryParse(words[2], NumberStyles.None, CultureInfo.InvariantCulture, out var after))
        {
            return (false, after);
        }

        throw Fail([.. ownPath, "break"], $"must be \"reset after N bytes\", \"timeout after N bytes\", \"cut after N bytes\" or \"{FixtureAnswer}\"; it is \"{Shorten(text)}\"");
    }

    // A status line's reason phrase: visible ASCII, spaces and tabs, nothing that ends the line (RFC 9112, section 4).
    private static bool IsReasonPhrase(string text) => text.All(c => c is '\t' or (>= ' ' and < '\u007f'));

    // What a message may quote of a value that is not fit for a status line: control characters as \u escapes.
    private static string Printable(string text) =>
        Shorten(string.Concat(text.Select(c => c is >= ' ' and < '\u007f' ? c.ToString() : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"))));

    private static int? FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return null;
        }

        Span<char> chars = stackalloc char[256];
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = Utf8.ToUtf16(bytes[offset..], chars, out var read, out _, replaceInvalidSequences: false);
            offset += read;
            if (status is OperationStatus.InvalidData or OperationStatus.NeedMoreData)
            {
                return offset;
            }
        }

        return null;
    }
}
