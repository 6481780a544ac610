namespace FakeHttpFixture.Tests.Reliability;

/// <summary>
/// Tests that measure the whole process (file descriptors, threads, memory): they run alone, after the parallel
/// tests, so that what they count is their own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoakCollection
{
    public const string Name = "Soak: whole-process measurements";
}
