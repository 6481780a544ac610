namespace FakeHttpFixture;

/// <summary>
/// A condition of a stub beyond its method and path. <see cref="Matches"/> runs on every request the stub is asked about and
/// builds no text; <see cref="Check"/> runs only when a miss is reported, and says what was expected and what was received.
/// </summary>
internal abstract class StubCondition
{
    /// <summary>Gets how the report names the condition when checking it threw, such as <c>Where(r =&gt; …)</c>.</summary>
    public abstract string Label { get; }

    public abstract bool Matches(RecordedRequest request);

    public abstract ConditionCheck Check(RecordedRequest request);
}
