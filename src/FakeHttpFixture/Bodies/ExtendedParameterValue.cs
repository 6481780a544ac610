using System.Text;

namespace FakeHttpFixture;

/// <summary>
/// Decodes an RFC 8187 extended parameter value, such as the filename* of a multipart part: UTF-8''r%C3%A9sum%C3%A9.txt.
/// Written by hand because ASP.NET Core's ContentDispositionHeaderValue.FileNameStar throws NotSupportedException for a
/// charset .NET refuses (UTF-7) and gives nothing for one it does not know. A recorder must show whatever a client sent, so
/// the charset is read as <see cref="Charsets"/> reads one: an unusable name means UTF-8.
/// </summary>
internal static class ExtendedParameterValue
{
    /// <summary>Returns the decoded value, or null when <paramref name="raw"/> is not of the form charset'language'value.</summary>
    public static string? Decode(string raw)
    {
        var first = raw.IndexOf('\'', StringComparison.Ordinal);
        var second = first < 0 ? -1 : raw.IndexOf('\'', first + 1);
        if (second < 0)
        {
            return null;
        }

        // A client may break the grammar with raw non-ASCII; it is kept as the UTF-8 it most likely was. '%' is ASCII, so the
        // escapes can be undone on the bytes.
        var bytes = Encoding.UTF8.GetBytes(raw, second + 1, raw.Length - second - 1);
        var length = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '%' && i + 2 < bytes.Length && IsHex(bytes[i + 1]) && IsHex(bytes[i + 2]))
            {
                bytes[length++] = (byte)((HexValue(bytes[i + 1]) << 4) | HexValue(bytes[i + 2]));
                i += 2;
            }
            else
            {
                bytes[length++] = bytes[i];
            }
        }

        return Charsets.ForName(raw[..first]).GetString(bytes, 0, length);
    }

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
