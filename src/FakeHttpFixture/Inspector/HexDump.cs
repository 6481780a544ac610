using System.Text;

namespace FakeHttpFixture;

/// <summary>Writes bytes as a hex dump, 16 a line with their offset and printable ASCII ("00000000  48 65 6c 6c  … |Hell|"), the first 4 KiB only.</summary>
internal static class HexDump
{
    private const int MaxHex = 4096;

    public static string Format(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        var shown = bytes[..Math.Min(bytes.Length, MaxHex)];
        for (var offset = 0; offset < shown.Length; offset += 16)
        {
            var line = shown.Slice(offset, Math.Min(16, shown.Length - offset));
            text.Append(offset.ToString("x8", System.Globalization.CultureInfo.InvariantCulture)).Append("  ");
            for (var i = 0; i < 16; i++)
            {
                text.Append(i < line.Length ? line[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture) : "  ").Append(i == 7 ? "  " : " ");
            }

            text.Append(" |");
            foreach (var b in line)
            {
                text.Append(b is >= 0x20 and < 0x7f ? (char)b : '.');
            }

            text.Append("|\n");
        }

        if (bytes.Length > shown.Length)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"… {bytes.Length - shown.Length} more bytes\n");
        }

        return text.ToString();
    }
}
