using System.Text.RegularExpressions;

namespace FakeHttpFixture;

/// <summary>A header the request must have: with any value, exactly a value, or a value a regular expression matches.</summary>
internal sealed class HeaderCondition(string name, string? value, Regex? pattern) : StubCondition
{
    public override string Label => $"header {name}";

    public override bool Matches(RecordedRequest request) =>
        request.Header(name) is { } actual && (pattern is not null ? pattern.IsMatch(actual) : value is null || actual == value);

    public override ConditionCheck Check(RecordedRequest request)
    {
        var actual = request.Header(name);
        var expected = pattern is not null ? $"a value matching /{pattern}/" : value is null ? null : ReportText.Quote(value);
        if (actual is null)
        {
            return new(false, expected is null ? $"{Label}: not sent" : $"{Label}: expected {expected}, not sent");
        }

        return Matches(request)
            ? new(true, $"{Label}: {ReportText.Quote(actual)}")
            : new(false, $"{Label}: expected {expected}, received {ReportText.Quote(actual)}");
    }
}
