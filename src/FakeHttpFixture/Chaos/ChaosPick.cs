namespace FakeHttpFixture;

/// <summary>How a <see cref="Chaos"/> rule picks the requests it disrupts.</summary>
internal enum ChaosPick
{
    Share,
    EveryNth,
    BurstOfRequests,
    BurstOfTime,
}
