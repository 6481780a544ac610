using System.Globalization;
using System.Text;

namespace FakeHttpFixture;

/// <summary>
/// A request target parsed for the file responders. It is written by hand, from the raw target, because the served tree needs
/// one decoding with strict rules that Kestrel's lenient Request.Path does not give: Kestrel keeps %2F encoded, passes invalid
/// escapes through, and has already removed dot segments so a redirect could not tell what the client sent.
/// </summary>
internal readonly record struct RequestPath(RequestPathStatus Status, string Relative, bool TrailingSlash, string Query)
{
    private static readonly string[] DeviceNames =
    [
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    ];

    /// <summary>Gets the path of a relative-path redirect to this path with a trailing slash: every segment percent-encoded, one leading '/', the query kept.</summary>
    public string SlashLocation() => Location(trailingSlash: true, withQuery: true);

    /// <summary>Gets this path as a Location value: every segment percent-encoded, exactly one leading '/'.</summary>
    public string Location(bool trailingSlash, bool withQuery)
    {
        var builder = new StringBuilder(Relative.Length + Query.Length + 8);
        foreach (var segment in Relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            // Never more than one leading '/': "//host/" would be a network-path reference to another server (CPython gh-87389).
            builder.Append('/').Append(Uri.EscapeDataString(segment));
        }

        if (trailingSlash || builder.Length == 0)
        {
            builder.Append('/');
        }

        if (!withQuery)
        {
            return builder.ToString();
        }

        // Kestrel refuses raw non-ASCII targets today; should one get through, a response header must still be ASCII.
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in Query.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 0x7f)
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    public static RequestPath Parse(string rawTarget)
    {
        var target = rawTarget.AsSpan();
        var question = target.IndexOf('?');
        var query = question < 0 ? string.Empty : rawTarget[question..];
        var path = question < 0 ? target : target[..question];
        if (!path.StartsWith('/'))
        {
            // Absolute-form ("http://host/path"), which proxies send: the path starts at the first '/' after the authority.
            var scheme = path.IndexOf("://", StringComparison.Ordinal);
            if (scheme <= 0)
            {
                return Fail(RequestPathStatus.BadRequest);
            }

            var slash = path[(scheme + 3)..].IndexOf('/');
            path = slash < 0 ? "/" : path[(scheme + 3 + slash)..];
        }

        string decoded;
        if (path.Contains('%'))
        {
            if (!TryDecode(path, out decoded))
            {
                return Fail(RequestPathStatus.BadRequest);
            }
        }
        else
        {
            // The usual origin-form target without a query is already the decoded path: no copy.
            decoded = path.Length == rawTarget.Length ? rawTarget : path.ToString();
        }

        return Normalize(decoded, query);
    }

    /// <summary>Returns whether a single decoded path segment may name a served file or directory.</summary>
    public static bool IsServableSegment(ReadOnlySpan<char> segment)
    {
        if (segment.Length == 0 || segment.ContainsAny('\\', ':') || segment[^1] is '.' or ' ')
        {
            return false;
        }

        // Windows opens a device for these names with any extension ("nul.txt"); refusing them everywhere keeps answers the same on every OS.
        var dot = segment.IndexOf('.');
        var stem = (dot < 0 ? segment : segment[..dot]).TrimEnd(' ');
        foreach (var device in DeviceNames)
        {
            if (stem.Equals(device, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static RequestPath Normalize(string decoded, string query)
    {
        foreach (var c in decoded)
        {
            if (c < ' ' || c == '\u007f')
            {
                return Fail(RequestPathStatus.BadRequest);
            }
        }

        // Fast path: "/a/b.txt" or "/a/" with nothing to collapse is its own relative path.
        var body = decoded.AsSpan(1);
        var clean = true;
        var lastStart = 0;
        for (var i = 0; i <= body.Length; i++)
        {
            if (i == body.Length || body[i] == '/')
            {
                var segment = body[lastStart..i];
                if ((segment.Length == 0 && i != body.Length) || segment is "." or "..")
                {
                    clean = false;
                    break;
                }

                lastStart = i + 1;
            }
        }

        List<string>? segments = clean ? null : [];
        var trailingSlash = true;
        foreach (var range in body.Split('/'))
        {
            var segment = body[range];
            trailingSlash = segment.Length == 0 || segment is "." or "..";
            if (segment is "..")
            {
                // RFC 3986 dot-segment removal, clamped at the root: "/../x" is "/x", as browsers and Kestrel make it.
                if (segments is { Count: > 0 })
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment.Length != 0 && segment is not ".")
            {
                if (!IsServableSegment(segment))
                {
                    return Fail(RequestPathStatus.Refused);
                }

                segments?.Add(segment.ToString());
            }
        }

        var relative = clean
            ? (body.Length == 0 ? string.Empty : trailingSlash ? decoded[1..^1] : decoded[1..])
            : string.Join('/', segments!);
        return new RequestPath(RequestPathStatus.Ok, relative, trailingSlash || relative.Length == 0, query);
    }

    private static bool TryDecode(ReadOnlySpan<char> path, out string decoded)
    {
        decoded = string.Empty;
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(path.Length)];
        var length = 0;
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '%')
            {
                if (i + 2 >= path.Length || !char.IsAsciiHexDigit(path[i + 1]) || !char.IsAsciiHexDigit(path[i + 2]))
                {
                    return false;
                }

                bytes[length++] = (byte)((HexValue(path[i + 1]) << 4) | HexValue(path[i + 2]));
                i += 2;
            }
            else if (c < 0x80)
            {
                bytes[length++] = (byte)c;
            }
            else
            {
                if (System.Text.Rune.DecodeFromUtf16(path[i..], out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
                {
                    return false;
                }

                length += rune.EncodeToUtf8(bytes.AsSpan(length));
                i += consumed - 1;
            }
        }

        try
        {
            // Strict UTF-8 refuses overlong forms such as %c0%ae, which lenient decoders turn into '.'.
            decoded = Charsets.StrictUtf8.GetString(bytes, 0, length);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static RequestPath Fail(RequestPathStatus status) => new(status, string.Empty, false, string.Empty);
}
