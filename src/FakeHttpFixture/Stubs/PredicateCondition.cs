namespace FakeHttpFixture;

/// <summary>A predicate of the test's own, named in the report by its source text and the received values that text refers to.</summary>
internal sealed class PredicateCondition(Func<RecordedRequest, bool> predicate, string description) : StubCondition
{
    public override string Label => $"Where({description})";

    public override bool Matches(RecordedRequest request) => predicate(request);

    public override ConditionCheck Check(RecordedRequest request) => predicate(request)
        ? new(true, Label)
        : new(false, $"{Label} was false{ReferencedValues.Describe(description, request)}");
}
