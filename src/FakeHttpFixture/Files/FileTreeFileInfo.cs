using Microsoft.Extensions.FileProviders;

namespace FakeHttpFixture;

/// <summary>A file or directory of a <see cref="FileTree"/>; a directory has no entry.</summary>
internal sealed class FileTreeFileInfo(string path, ServedFile? entry) : IFileInfo
{
    public bool Exists => true;

    public long Length => entry?.Length ?? -1;

    public string? PhysicalPath => null;

    public string Name => path.Length == 0 ? string.Empty : path[(path.LastIndexOf('/') + 1)..];

    public DateTimeOffset LastModified => entry?.LastModified ?? DateTimeOffset.UnixEpoch;

    public bool IsDirectory => entry is null;

    internal ServedFile? Entry => entry;

    // The stream wraps the tree's own array: serving a file copies nothing.
    public Stream CreateReadStream() => entry is null
        ? throw new InvalidOperationException($"'{path}' is a directory, not a file.")
        : new MemoryStream(entry.Content!, writable: false);
}
