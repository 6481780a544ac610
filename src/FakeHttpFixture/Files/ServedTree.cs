using Microsoft.Extensions.FileProviders;

namespace FakeHttpFixture;

/// <summary>Picks the served-tree implementation for the provider a server was started with.</summary>
internal static class ServedTree
{
    public static IServedTree Create(IFileProvider files, HttpFixtureOptions options) => files switch
    {
        FileTreeProvider tree => new MemoryTree(tree.Tree),
        PhysicalFileProvider physical => new DiskTree(physical.Root, options.FollowSymlinks),
        _ => throw new NotSupportedException($"The file provider {files.GetType().Name} cannot be served; serve a directory or a FileTree."),
    };
}
