namespace FakeHttpFixture.Tests.Docs;

/// <summary>
/// Doc snippets that use paths relative to the working directory, as the pages show them: each test makes a temp directory the
/// working directory (<see cref="Support.ScratchWorkingDirectory"/>), which is the whole process's, so they run alone, after the
/// parallel tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkingDirectoryCollection
{
    public const string Name = "Docs: snippets with relative paths";
}
