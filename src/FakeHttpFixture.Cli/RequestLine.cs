using System.Globalization;
using System.Text;

namespace FakeHttpFixture.Cli;

/// <summary>Formats the live log line of one request: time, method, path, status, bytes, duration.</summary>
internal static class RequestLine
{
    private const string Reset = "\e[0m";
    private const string Dim = "\e[2m";
    private const string Bold = "\e[1m";

    /// <summary>
    /// Returns a line such as <c>15:27:28.123  GET /logo.png  200  31 B  1.4 ms</c>, ending in <c>[nothing answered]</c> when no
    /// stage answered and the fallback did (a missing file's 404, a POST without --accept-uploads). The bytes are the response
    /// body's size, as python -m http.server logs it ("-" for none); the duration is from the request's arrival to the end of its response ("-" when no response
    /// went out).
    /// </summary>
    public static string Format(RecordedRequest request, TimeSpan? duration, bool colour)
    {
        var line = new StringBuilder(96);
        var time = request.Timestamp.ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        Styled(line, time, colour ? Dim : null).Append("  ");
        Styled(line, request.Method, colour ? Bold : null).Append(' ');
        AppendSafe(line, request.Path);
        AppendSafe(line, request.QueryString);
        line.Append("  ");

        var status = request.StatusCode == 0 ? (request.Aborted ? "aborted" : "---") : request.StatusCode.ToString(CultureInfo.InvariantCulture);
        Styled(line, status, colour ? StatusColour(request.StatusCode) : null).Append("  ");
        line.Append(request.ResponseBodyLength == 0 ? "-" : ByteSize.Format(request.ResponseBodyLength)).Append("  ");
        Styled(line, duration is { } d ? Duration(d) : "-", colour ? Dim : null);
        if (request.AnsweredBy == ResponseSource.Fallback)
        {
            // No file (nor upload, nor CORS preflight) answered: the 404 of a missing file, or the fallback's answer to a POST.
            Styled(line.Append("  "), "[nothing answered]", colour ? "\e[33m" : null);
        }

        return line.ToString();
    }

    private static StringBuilder Styled(StringBuilder line, string text, string? style) =>
        style is null ? line.Append(text) : line.Append(style).Append(text).Append(Reset);

    private static string StatusColour(int status) => status switch
    {
        >= 500 => "\e[31m",
        >= 400 => "\e[33m",
        >= 300 => "\e[36m",
        >= 200 => "\e[32m",
        _ => "\e[35m",
    };

    /// <summary>Returns <paramref name="text"/> with control and format characters escaped, for a message on the terminal.</summary>
    public static string Safe(string text)
    {
        var safe = new StringBuilder(text.Length);
        AppendSafe(safe, text);
        return safe.ToString();
    }

    // A client chooses the path, and a decoded %1B would otherwise drive the terminal (clear it, retitle it, hide lines).
    private static void AppendSafe(StringBuilder line, string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                line.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                line.Append(c);
            }
        }
    }

    private static string Duration(TimeSpan duration) => duration.TotalMilliseconds switch
    {
        < 0 => "0 ms",
        < 10 => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0.0} ms"),
        < 10_000 => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.0} s"),
    };
}
