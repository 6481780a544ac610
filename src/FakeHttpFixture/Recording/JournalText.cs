using System.Globalization;
using System.Text;

namespace FakeHttpFixture;

/// <summary>Writes the journal into messages: one line per request, in the form of <see cref="RecordedRequest.ToString"/>.</summary>
internal static class JournalText
{
    public static string Describe(IReadOnlyList<RecordedRequest> requests)
    {
        if (requests.Count == 0)
        {
            return "Received none.";
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Received {requests.Count}:");
        foreach (var request in requests)
        {
            text.Append(' ').Append(request).Append(',');
        }

        text.Length--;
        return text.ToString();
    }

    public static string DescribeTaken(IReadOnlyList<RecordedRequest> requests) =>
        requests.Count == 0 ? "Received none." : $"All {requests.Count} received were taken already. {Describe(requests)}";

    public static string Duration(TimeSpan value) => value.TotalSeconds >= 1 && value.Milliseconds == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.#} s")
        : string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:0} ms");
}
