namespace FakeHttpFixture;

/// <summary>The temp directory one server spills large bodies to, made on the first spill and deleted on dispose.</summary>
internal sealed class BodySpillDirectory
{
    private readonly Lock _gate = new();
    private string? _path;
    private bool _deleted;

    /// <summary>Gets the directory, or <see langword="null"/> while nothing was spilled.</summary>
    public string? Path => _path;

    public FileStream CreateFile(out string path)
    {
        string directory;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_deleted, this);
            _path ??= Directory.CreateTempSubdirectory("fakehttp-bodies-").FullName;
            directory = _path;
        }

        path = System.IO.Path.Combine(directory, Guid.NewGuid().ToString("N") + ".body");

        // No FileStream buffer: the reader already writes in large pooled chunks. Delete sharing lets dispose remove a file a test still reads.
        return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete, bufferSize: 0, FileOptions.Asynchronous);
    }

    public void Delete()
    {
        string? directory;
        lock (_gate)
        {
            _deleted = true;
            directory = _path;
        }

        DirectoryCleanup.TryDelete(directory);
    }
}
