using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace FakeHttpFixture;

/// <summary>A query parameter the request must have, with any value or with one given value among its occurrences.</summary>
internal sealed class QueryCondition(string name, string? value) : StubCondition
{
    public override string Label => $"query {name}";

    public override bool Matches(RecordedRequest request) =>
        Values(request) is { } values && (value is null || values.Contains(value));

    public override ConditionCheck Check(RecordedRequest request)
    {
        if (Values(request) is not { } values)
        {
            return new(false, value is null ? $"{Label}: not sent" : $"{Label}: expected {ReportText.Quote(value)}, not sent");
        }

        return value is null || values.Contains(value)
            ? new(true, $"{Label}: {ReportText.QuoteAll(values)}")
            : new(false, $"{Label}: expected {ReportText.Quote(value)}, received {ReportText.QuoteAll(values)}");
    }

    private StringValues? Values(RecordedRequest request) =>
        QueryHelpers.ParseNullableQuery(request.QueryString) is { } query && query.TryGetValue(name, out var values) ? values : (StringValues?)null;
}
