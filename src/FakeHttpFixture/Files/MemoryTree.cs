namespace FakeHttpFixture;

/// <summary>
/// A <see cref="FileTree"/> as the served tree, read live so that changes show at once. A file is one dictionary lookup; directories exist only as prefixes of file
/// paths, so finding or listing one scans the tree, which is fine for the small trees tests hold.
/// </summary>
internal sealed class MemoryTree(FileTree tree, ContentTypeMap contentTypes) : ServedTree(contentTypes)
{
    public override ServedKind Find(string relative, out ServedFile? file)
    {
        if (relative.Length != 0 && tree.TryGetFile(relative, out var found))
        {
            file = found;
            return ServedKind.File;
        }

        file = null;
        return relative.Length == 0 || IsDirectory(relative) ? ServedKind.Directory : ServedKind.Missing;
    }

    public override List<ListingEntry>? List(string relative)
    {
        var prefix = relative.Length == 0 ? string.Empty : relative + "/";
        var files = new List<ListingEntry>();
        var directories = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var (path, file) in tree.Entries)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = path.AsSpan(prefix.Length);
            var slash = rest.IndexOf('/');
            if (slash < 0)
            {
                files.Add(new ListingEntry(rest.ToString(), false, file.Length, file.LastModified));
            }
            else
            {
                // A directory shows the newest time of the files below it.
                var name = rest[..slash].ToString();
                directories[name] = directories.TryGetValue(name, out var seen) && seen > file.LastModified ? seen : file.LastModified;
            }
        }

        if (files.Count == 0 && directories.Count == 0 && relative.Length != 0)
        {
            return null;
        }

        foreach (var (name, modified) in directories)
        {
            files.Add(new ListingEntry(name, true, 0, modified));
        }

        return files;
    }

    public override ValueTask<UploadOutcome> PutAsync(string relative, RecordedRequest content, CancellationToken cancellationToken)
    {
        if (content.BodyLength > Array.MaxLength)
        {
            // An in-memory file is one array.
            return ValueTask.FromResult(UploadOutcome.TooLarge);
        }

        if (relative.Length == 0 || IsDirectory(relative))
        {
            return ValueTask.FromResult(UploadOutcome.Conflict);
        }

        // A file cannot sit where a parent directory of the new file has to be.
        for (var slash = relative.IndexOf('/'); slash >= 0; slash = relative.IndexOf('/', slash + 1))
        {
            if (tree.TryGetFile(relative[..slash], out _))
            {
                return ValueTask.FromResult(UploadOutcome.Conflict);
            }
        }

        // The journal's array when the body was kept in memory whole: the tree and the journal share one copy.
        var replaced = tree.Set(relative, new ServedFile(content.Body, DateTimeOffset.UtcNow));
        return ValueTask.FromResult(replaced ? UploadOutcome.Replaced : UploadOutcome.Created);
    }

    public override UploadOutcome Delete(string relative)
    {
        if (relative.Length == 0)
        {
            return UploadOutcome.Refused;
        }

        if (tree.TryRemove(relative))
        {
            return UploadOutcome.Deleted;
        }

        return IsDirectory(relative) ? UploadOutcome.Conflict : UploadOutcome.NotFound;
    }

    private bool IsDirectory(string relative)
    {
        foreach (var (path, _) in tree.Entries)
        {
            if (path.Length > relative.Length && path[relative.Length] == '/' && path.StartsWith(relative, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
