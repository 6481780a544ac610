using System.Collections;
using Microsoft.Extensions.FileProviders;

namespace FakeHttpFixture;

/// <summary>The immediate children of a <see cref="FileTree"/> directory.</summary>
internal sealed class FileTreeDirectoryContents(IReadOnlyList<IFileInfo> items) : IDirectoryContents
{
    public bool Exists => true;

    public IEnumerator<IFileInfo> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
