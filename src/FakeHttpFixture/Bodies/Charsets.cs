using System.Text;
using Microsoft.Net.Http.Headers;

namespace FakeHttpFixture;

/// <summary>
/// Turns body bytes into text by the charset their Content-Type declares. A client picks the charset, so no name may make this
/// throw: one .NET does not know (or refuses, as UTF-7) falls back to UTF-8. The legacy code pages (windows-1252, iso-8859-2 …)
/// come from the shared framework's provider without registering it for the whole process.
/// </summary>
internal static class Charsets
{
    /// <summary>UTF-8 that throws on invalid bytes instead of replacing them, for checks that must not alter what they read.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Returns the encoding the content type names, or UTF-8 when it names none or one that cannot be used.</summary>
    public static Encoding Of(string? contentType)
    {
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media) || !media.Charset.HasValue)
        {
            return Encoding.UTF8;
        }

        return ForName(media.Charset.Value!.Trim('"'));
    }

    /// <summary>Returns the encoding of a charset name, or UTF-8 when it names one that cannot be used.</summary>
    public static Encoding ForName(string name)
    {
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            try
            {
                return System.Text.CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.UTF8;
            }
            catch (Exception inner) when (inner is ArgumentException or NotSupportedException)
            {
                return Encoding.UTF8;
            }
        }
    }

    /// <summary>Decodes with the declared charset; bytes it cannot decode become U+FFFD, as a browser shows them.</summary>
    public static string Decode(byte[] bytes, string? contentType) => Of(contentType).GetString(bytes);

    /// <summary>
    /// Decodes only when the text encodes back to exactly the same bytes, so that a file that keeps the text (a HAR) keeps the
    /// body: a body in another charset than it declares, or with invalid bytes, is left to base64 by the caller.
    /// </summary>
    public static bool TryDecodeExact(ReadOnlySpan<byte> bytes, string? contentType, out string text)
    {
        var encoding = Of(contentType);
        try
        {
            text = encoding.CodePage == Encoding.UTF8.CodePage ? StrictUtf8.GetString(bytes) : encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }

        if (encoding.CodePage != Encoding.UTF8.CodePage && !RoundTrips(encoding, text, bytes))
        {
            text = string.Empty;
            return false;
        }

        return true;
    }

    private static bool RoundTrips(Encoding encoding, string text, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetByteCount(text) == bytes.Length && encoding.GetBytes(text).AsSpan().SequenceEqual(bytes);
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
