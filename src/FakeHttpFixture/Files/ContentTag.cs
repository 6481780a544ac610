using System.Buffers.Binary;
using System.Buffers.Text;
using System.Numerics;

namespace FakeHttpFixture;

/// <summary>
/// Makes the strong ETag of an in-memory file from its bytes: equal content always gives an equal tag, and different content a
/// different one for all practical purposes (128 bits from two independently mixed 64-bit lanes, the length folded in).
/// </summary>
/// <remarks>
/// An ETag only has to tell versions of one file apart; it is no security boundary, so it needs no cryptographic hash. The
/// platform's SHA-256 loads OpenSSL on its first use, about 10 ms of a process's first start, which every test run would pay.
/// </remarks>
internal static class ContentTag
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong Prime3 = 0x165667B19E3779F9UL;

    /// <summary>Returns the ETag of <paramref name="content"/>, quotes included.</summary>
    public static string Of(ReadOnlySpan<byte> content)
    {
        var first = Prime3 ^ (ulong)content.Length;
        var second = Prime1 + (ulong)content.Length;
        var rest = content;
        while (rest.Length >= sizeof(ulong))
        {
            var word = BinaryPrimitives.ReadUInt64LittleEndian(rest);
            first = BitOperations.RotateLeft(first ^ (word * Prime2), 31) * Prime1;
            second = BitOperations.RotateLeft(second + (word * Prime1), 27) * Prime2;
            rest = rest[sizeof(ulong)..];
        }

        // The last 0–7 bytes, as one word; the length folded in above keeps "ab" apart from "ab\0".
        ulong tail = 0;
        for (var i = rest.Length - 1; i >= 0; i--)
        {
            tail = (tail << 8) | rest[i];
        }

        first = Mix(BitOperations.RotateLeft(first ^ (tail * Prime2), 31) * Prime1);
        second = Mix(BitOperations.RotateLeft(second + (tail * Prime1), 27) * Prime2 ^ first);

        Span<byte> tag = stackalloc byte[2 * sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(tag, first);
        BinaryPrimitives.WriteUInt64LittleEndian(tag[sizeof(ulong)..], second);
        return "\"" + Base64Url.EncodeToString(tag) + "\"";
    }

    // The finalizer of MurmurHash3's 64-bit variant: every input bit reaches every output bit.
    private static ulong Mix(ulong value)
    {
        value ^= value >> 33;
        value *= 0xFF51AFD7ED558CCDUL;
        value ^= value >> 33;
        value *= 0xC4CEB9FE1A85EC53UL;
        value ^= value >> 33;
        return value;
    }
}
