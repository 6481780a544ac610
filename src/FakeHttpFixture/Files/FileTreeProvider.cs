using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace FakeHttpFixture;

/// <summary>Serves a <see cref="FileTree"/> through <see cref="IFileProvider"/>, reading the tree live so that changes show at once.</summary>
internal sealed class FileTreeProvider(FileTree tree) : IFileProvider
{
    public FileTree Tree => tree;

    public IFileInfo GetFileInfo(string subpath)
    {
        var path = subpath.TrimStart('/');
        if (path.Length == 0)
        {
            return new FileTreeFileInfo(string.Empty, null);
        }

        if (tree.TryGetFile(path, out var entry))
        {
            return new FileTreeFileInfo(path, entry);
        }

        var prefix = path.EndsWith('/') ? path : path + "/";
        foreach (var item in tree.Entries)
        {
            if (item.Key.StartsWith(prefix, StringComparison.Ordinal))
            {
                return new FileTreeFileInfo(path.TrimEnd('/'), null);
            }
        }

        return new NotFoundFileInfo(path);
    }

    public IDirectoryContents GetDirectoryContents(string subpath)
    {
        var path = subpath.Trim('/');
        var prefix = path.Length == 0 ? string.Empty : path + "/";
        var children = new SortedDictionary<string, IFileInfo>(StringComparer.Ordinal);
        foreach (var item in tree.Entries)
        {
            if (!item.Key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = item.Key.AsSpan(prefix.Length);
            var slash = rest.IndexOf('/');
            if (slash < 0)
            {
                children[item.Key] = new FileTreeFileInfo(item.Key, item.Value);
            }
            else
            {
                var directory = prefix + rest[..slash].ToString();
                children.TryAdd(directory, new FileTreeFileInfo(directory, null));
            }
        }

        return children.Count == 0 && path.Length != 0
            ? NotFoundDirectoryContents.Singleton
            : new FileTreeDirectoryContents([.. children.Values]);
    }

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;
}
