namespace FakeHttpFixture.Tests.Reliability;

/// <summary>
/// Tests that measure the whole process (file descriptors, threads, memory), or load the disk enough to disturb others
/// (a 2 GiB upload): they run alone, after the parallel tests, so that what they count is their own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoakCollection
{
    public const string Name = "Soak: whole-process measurements";
}
