using System.Globalization;
using System.Text;

namespace FakeHttpFixture;

/// <summary>The check behind <see cref="RequestTimeline.ShouldHaveKeptHeader(string)"/>: a header such as Idempotency-Key has the same value on every try.</summary>
internal static class IdempotencyAssertions
{
    public static void KeptHeader(string subject, IReadOnlyList<RecordedRequest> requests, string name, string? chaosNote)
    {
        var shown = new[] { TimelineHeader.Sent(name) };
        var expected = $"Expected every request to send the same {name}";
        if (requests.Count < 2)
        {
            throw TimelineText.Failure($"{expected}, but there was {TimelineText.Count(requests.Count)}: it takes 2 or more to compare.", subject, requests, shown, chaosNote);
        }

        var first = requests[0].Header(name);
        if (first is null)
        {
            throw TimelineText.Failure($"{expected}, but the first, #{requests[0].Sequence}, sent no {name} header.", subject, requests, shown, chaosNote);
        }

        var problems = new StringBuilder();
        foreach (var request in requests.Skip(1))
        {
            var value = request.Header(name);
            if (value != first)
            {
                problems.Append(CultureInfo.InvariantCulture, $"\n  #{request.Sequence} sent {(value is null ? "none" : $"\"{value}\"")} where #{requests[0].Sequence} sent \"{first}\".");
            }
        }

        if (problems.Length != 0)
        {
            throw TimelineText.Failure($"{expected}, but it changed:{problems}", subject, requests, shown, chaosNote);
        }
    }
}
