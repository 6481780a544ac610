namespace FakeHttpFixture.Tests.Support;

/// <summary>
/// Makes a fresh temp directory the process's working directory until disposed, for doc snippets that use relative paths
/// ("fixtures/site") as users write them, so that they write nothing into the test output folder. The working directory is
/// the process's, so only tests of <see cref="Docs.WorkingDirectoryCollection"/> may use it: they run alone.
/// </summary>
internal sealed class ScratchWorkingDirectory : IDisposable
{
    private readonly string _previous = Environment.CurrentDirectory;
    private readonly TempDirectory _scratch = new();

    public ScratchWorkingDirectory() => Environment.CurrentDirectory = _scratch.Path;

    public void Dispose()
    {
        Environment.CurrentDirectory = _previous;
        _scratch.Dispose();
    }
}
