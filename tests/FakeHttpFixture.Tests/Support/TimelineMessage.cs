using System.Text.RegularExpressions;

namespace FakeHttpFixture.Tests.Support;

/// <summary>Makes a timeline message comparable across runs: times, gaps and connection ids become placeholders.</summary>
internal static partial class TimelineMessage
{
    public static string Normalize(string message, params RecordedRequest[] requests)
    {
        foreach (var id in requests.Select(r => r.ConnectionId).Distinct())
        {
            message = message.Replace(id, $"C{Array.FindIndex(requests, r => r.ConnectionId == id) + 1}", StringComparison.Ordinal);
        }

        message = Offset().Replace(message, "+T  ");
        message = Milliseconds().Replace(message, "N ms");
        return Clock().Replace(message, "at HH:MM:SS");
    }

    [GeneratedRegex(@"\+\d+ ms +")]
    private static partial Regex Offset();

    [GeneratedRegex(@"\b\d+ ms\b")]
    private static partial Regex Milliseconds();

    [GeneratedRegex(@"at \d\d:\d\d:\d\d\.\d{3}")]
    private static partial Regex Clock();
}
