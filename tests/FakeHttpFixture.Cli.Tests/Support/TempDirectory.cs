namespace FakeHttpFixture.Cli.Tests.Support;

/// <summary>A directory for one test, deleted when the test disposes it.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("fakehttp-cli-test-").FullName;

    public string Path { get; }

    public string this[string relativePath] => System.IO.Path.Combine(Path, relativePath);

    public string Write(string relativePath, string text)
    {
        var full = this[relativePath];
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
