namespace FakeHttpFixture;

/// <summary>The WireMock string matchers this package understands.</summary>
internal enum StringMatchKind
{
    EqualTo,
    Contains,
    Matches,
    DoesNotMatch,
    Absent,
}
