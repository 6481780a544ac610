using System.Globalization;
using System.Text;

namespace FakeHttpFixture;

/// <summary>Writes the events and messages of a stream into the journal's text: one line each, payloads quoted and cut short.</summary>
internal static class StreamText
{
    /// <summary>How many lines a request's stream gets in a journal summary; an endless stream would drown the rest.</summary>
    public const int MaxLines = 30;

    private const int MaxQuoted = 80;
    private const int MaxHex = 16;

    /// <summary>Returns <paramref name="text"/> in double quotes, control characters escaped, cut after 80 characters.</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder(Math.Min(text.Length, MaxQuoted) + 2).Append('"');
        for (var i = 0; i < text.Length && i < MaxQuoted; i++)
        {
            _ = text[i] switch
            {
                '\n' => quoted.Append("\\n"),
                '\r' => quoted.Append("\\r"),
                '\t' => quoted.Append("\\t"),
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append("\\\\"),
                var c when char.IsControl(c) => quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                var c => quoted.Append(c),
            };
        }

        return quoted.Append(text.Length > MaxQuoted ? "\"…" : "\"").ToString();
    }

    /// <summary>Returns the first 16 bytes of <paramref name="bytes"/> in hex, "…" after them when there are more.</summary>
    public static string Hex(byte[] bytes) =>
        Convert.ToHexStringLower(bytes, 0, Math.Min(bytes.Length, MaxHex)) + (bytes.Length > MaxHex ? "…" : string.Empty);

    /// <summary>Returns what <see cref="RecordedRequest.ToString"/> adds for a stream, such as " (WebSocket: 4 messages)"; empty for other requests.</summary>
    public static string Summary(RecordedRequest request)
    {
        if (request.IsWebSocket)
        {
            var count = request.Messages.Count;
            return string.Create(CultureInfo.InvariantCulture, $" (WebSocket: {count} {(count == 1 ? "message" : "messages")})");
        }

        if (request.IsEventStream)
        {
            var count = request.Events.Count(e => !e.IsComment);
            return string.Create(CultureInfo.InvariantCulture, $" (event stream: {count} {(count == 1 ? "event" : "events")})");
        }

        return string.Empty;
    }

    /// <summary>Appends a line for each event or message of the request's stream, with its time since the request arrived.</summary>
    public static void AppendLines(StringBuilder text, RecordedRequest request)
    {
        if (request.IsWebSocket)
        {
            AppendLines(text, request.Timestamp, request.Messages, m => m.Timestamp);
        }
        else if (request.IsEventStream)
        {
            AppendLines(text, request.Timestamp, request.Events, e => e.Timestamp);
        }
    }

    // A long stream shows its start and its end, where a failure usually is, with a count of what lies between.
    private static void AppendLines<T>(StringBuilder text, DateTimeOffset start, IReadOnlyList<T> items, Func<T, DateTimeOffset> timestamp)
        where T : notnull
    {
        var head = items.Count <= MaxLines ? items.Count : MaxLines / 2;
        var tail = items.Count <= MaxLines ? 0 : MaxLines - head - 1;
        for (var i = 0; i < items.Count; i++)
        {
            if (i == head && tail > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"    … {items.Count - head - tail} more\n");
                i = items.Count - tail;
            }

            var offset = (timestamp(items[i]) - start).TotalMilliseconds;
            text.Append(CultureInfo.InvariantCulture, $"    +{offset,7:0.0} ms  ").Append(items[i]).Append('\n');
        }
    }
}
