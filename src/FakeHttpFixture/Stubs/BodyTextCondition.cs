using System.Globalization;

namespace FakeHttpFixture;

/// <summary>The request's body as text (decoded by its charset) must equal, or contain, a text; compared character for character.</summary>
internal sealed class BodyTextCondition(string text, bool containing) : StubCondition
{
    public override string Label => containing ? $"body containing {ReportText.Quote(text)}" : $"body equal to {ReportText.Quote(text)}";

    public override bool Matches(RecordedRequest request) => containing
        ? request.BodyText.Contains(text, StringComparison.Ordinal)
        : string.Equals(request.BodyText, text, StringComparison.Ordinal);

    public override ConditionCheck Check(RecordedRequest request)
    {
        if (Matches(request))
        {
            return new(true, Label);
        }

        var body = request.BodyText;
        if (containing)
        {
            return new(false, $"{Label}: not found in {(body.Length == 0 ? "an empty body" : ReportText.Quote(body))}");
        }

        if (body.Length == 0)
        {
            return new(false, $"body: expected {ReportText.Quote(text)}, received an empty body");
        }

        var at = body.AsSpan().CommonPrefixLength(text);
        if (body.Length <= ReportText.Width && text.Length <= ReportText.Width)
        {
            return new(false, string.Create(CultureInfo.InvariantCulture, $"body: expected {ReportText.Quote(text)}, received {ReportText.Quote(body)} (first difference at character {at + 1})"));
        }

        // Long texts are shown from a little before their first difference, where the reader has to look.
        var from = Math.Max(0, at - 20);
        return new(false, string.Create(CultureInfo.InvariantCulture, $"body: first difference at character {at + 1}: expected …{ReportText.Quote(text[Math.Min(from, text.Length)..], 40)}, received …{ReportText.Quote(body[Math.Min(from, body.Length)..], 40)}"));
    }
}
