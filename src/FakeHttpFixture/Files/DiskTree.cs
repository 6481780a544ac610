namespace FakeHttpFixture;

/// <summary>
/// A directory on disk as the served tree. Every request looks the file up again, so files written by the test are served at once;
/// only the bytes of small, settled files are kept (<see cref="SmallFileCache"/>), checked against that lookup.
/// </summary>
internal sealed class DiskTree : ServedTree
{
    private const int ReadOnlyFileSystem = 30; // EROFS on Linux and macOS

    private readonly string _root;
    private readonly string? _realRoot;
    private readonly SmallFileCache _cache = new();
    private readonly HiddenPaths _hidden;

    /// <summary>Initializes the tree; unless links may be followed anywhere, the root's real path is resolved once to check every request against.</summary>
    public DiskTree(string root, bool followSymlinks, ContentTypeMap contentTypes, IEnumerable<string>? hidden = null, BodySpillDirectory? spill = null)
        : base(contentTypes)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        _realRoot = followSymlinks ? null : RealPath.Resolve(_root) ?? _root;
        _hidden = new HiddenPaths(hidden ?? [], _root, spill);
    }

    public override ServedKind Find(string relative, out ServedFile? file)
    {
        if (_hidden.Any && _hidden.Covers(Path.Join(_root, relative)))
        {
            file = null;
            return ServedKind.Missing;
        }

        if (TryFindPlainFile(relative, out file, out var probed))
        {
            return ServedKind.File;
        }

        var full = FullPath(relative);
        if (full is null)
        {
            return ServedKind.Missing;
        }

        // The plain-file probe has already made the stat of this very path (a link, a directory, nothing), unless it stopped before it.
        var info = probed ?? new FileInfo(full);
        // The attributes come from the stat Exists made; only a link costs the extra readlink of LinkTarget.
        if (info.Exists && (info.Attributes & FileAttributes.ReparsePoint) != 0 && info.LinkTarget is not null)
        {
            // FileInfo describes the link itself (its own length and time); what is served is what it leads to.
            info = info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info;
        }

        if (info.Exists)
        {
            if (!FileKind.IsRegular(info.FullName, info.Length))
            {
                return ServedKind.Missing;
            }

            file = _cache.Get(full, info);
            return ServedKind.File;
        }

        return Directory.Exists(full) ? ServedKind.Directory : ServedKind.Missing;
    }

    public override List<ListingEntry>? List(string relative)
    {
        var full = FullPath(relative);
        if (full is null || (_hidden.Any && _hidden.Covers(full)))
        {
            return null;
        }

        var entries = new List<ListingEntry>();
        try
        {
            foreach (var item in new DirectoryInfo(full).EnumerateFileSystemInfos())
            {
                if (Entry(relative, item) is { } entry)
                {
                    entries.Add(entry);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return entries;
    }

    private ListingEntry? Entry(string relative, FileSystemInfo item)
    {
        try
        {
            // What a link leads to is listed with its own size and time; dangling links, and links out of the root when
            // they are not followed, are left out because they are not served.
            var target = item.LinkTarget is null ? item
                : _realRoot is not null && !IsInsideRoot(Path.Join(relative, item.Name)) ? null
                : item.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists || (_hidden.Any && (_hidden.Covers(item.FullName) || _hidden.Covers(target.FullName))))
            {
                return null;
            }

            var isDirectory = target is DirectoryInfo;
            if (!isDirectory && !FileKind.IsRegular(target.FullName, ((FileInfo)target).Length))
            {
                // A named pipe, device or socket is not served, so it is not listed either.
                return null;
            }

            return new ListingEntry(item.Name, isDirectory, isDirectory ? 0 : ((FileInfo)target).Length, target.LastWriteTimeUtc);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // An entry deleted or locked while the directory is read (a busy temp folder) is left out, not the whole listing.
            return null;
        }
    }

    public override async ValueTask<UploadOutcome> PutAsync(string relative, RecordedRequest content, CancellationToken cancellationToken)
    {
        var full = FullPath(relative);
        if (full is null || (_hidden.Any && _hidden.Covers(full)))
        {
            return UploadOutcome.Refused;
        }

        if (Directory.Exists(full))
        {
            return UploadOutcome.Conflict;
        }

        var existed = File.Exists(full);
        var directory = Path.GetDirectoryName(full)!;
        var temp = Path.Join(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.upload");
        try
        {
            Directory.CreateDirectory(directory);

            // Streamed from the recorded body (its temp file when it was spilled), so no second copy sits in memory;
            // written beside the target, then renamed: a concurrent GET sees the old file or the new one, never half of one.
            var body = content.OpenBody();
            await using (body.ConfigureAwait(false))
            {
                var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous);
                await using (file.ConfigureAwait(false))
                {
                    await body.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                }
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            return Outcome(ex);
        }
        catch (Exception)
        {
            TryDelete(temp);
            throw;
        }

        return existed ? UploadOutcome.Replaced : UploadOutcome.Created;
    }

    public override UploadOutcome Delete(string relative)
    {
        var full = FullPath(relative);
        if (full is null || relative.Length == 0 || (_hidden.Any && _hidden.Covers(full)))
        {
            return UploadOutcome.Refused;
        }

        if (Directory.Exists(full))
        {
            return UploadOutcome.Conflict;
        }

        if (!File.Exists(full))
        {
            return UploadOutcome.NotFound;
        }

        try
        {
            File.Delete(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Outcome(ex);
        }

        return UploadOutcome.Deleted;
    }

    // A read-only tree is the server's refusal (403), by permissions or by a read-only mount (EROFS, which .NET reports as a
    // plain IOException); a full disk is 507, as WebDAV servers answer; anything else is a path that cannot be a file there
    // (a parent that is a file, a target that turned into a directory meanwhile).
    private static UploadOutcome Outcome(Exception ex) => ex switch
    {
        UnauthorizedAccessException => UploadOutcome.Forbidden,
        IOException { HResult: ReadOnlyFileSystem } => UploadOutcome.Forbidden,
        IOException io when DiskFull.Is(io) => UploadOutcome.InsufficientStorage,
        _ => UploadOutcome.Conflict,
    };

    /// <summary>
    /// The common case in one lstat and no readlink for the file itself: when the path names a regular file (not a link) and has no
    /// "..", its real path is its directory's real path plus its name, so only the directory part needs the link walk.
    /// Anything else (a link, a directory, a missing path, "..") goes the full way, which decides exactly as before.
    /// </summary>
    private bool TryFindPlainFile(string relative, out ServedFile? file, out FileInfo? probed)
    {
        file = null;
        probed = null;
        if (relative.Length == 0 || relative.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        var full = Path.GetFullPath(Path.Join(_root, relative));
        if (!RealPath.IsInside(full, _root))
        {
            return false;
        }

        var info = probed = new FileInfo(full);
        if (!info.Exists || (info.Attributes & FileAttributes.ReparsePoint) != 0 || !FileKind.IsRegular(full, info.Length))
        {
            return false;
        }

        if (_realRoot is not null)
        {
            var slash = relative.AsSpan().TrimEnd(['/', '\\']).LastIndexOfAny('/', '\\');
            if (slash > 0 && !IsInsideRoot(relative[..slash]))
            {
                return false;
            }
        }

        file = _cache.Get(full, info);
        return true;
    }

    /// <summary>Returns the full path for a relative path, or null when it would leave the root, lexically or through a link.</summary>
    private string? FullPath(string relative)
    {
        var full = relative.Length == 0 ? _root : Path.GetFullPath(Path.Join(_root, relative));
        if (!RealPath.IsInside(full, _root))
        {
            return null;
        }

        return _realRoot is null || IsInsideRoot(relative) ? full : null;
    }

    // Only the part below the root is walked: the root's own links were resolved once, at start.
    private bool IsInsideRoot(string relative) => RealPath.Resolve(_realRoot!, relative) is { } real && RealPath.IsInside(real, _realRoot!);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temp file is hidden and harmless.
        }
    }
}
