namespace FakeHttpFixture.Tests.Responses;

/// <summary>Tests that set an environment variable for the whole process run alone, after the parallel tests, so that no other server reads it meanwhile.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
