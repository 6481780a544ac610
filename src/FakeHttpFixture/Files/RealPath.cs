namespace FakeHttpFixture;

/// <summary>
/// Resolves every symbolic link along a path, like POSIX realpath(3), also for paths whose last parts do not exist yet.
/// Written by hand because .NET only resolves the final link of a path (FileSystemInfo.ResolveLinkTarget), and a link in
/// any parent directory can lead out of the served root just as well.
/// </summary>
internal static class RealPath
{
    private const int MaxLinks = 40;

    /// <summary>Returns the path with every link resolved, or null when links loop.</summary>
    public static string? Resolve(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath) ?? "/";
        return Resolve(root, fullPath[root.Length..]);
    }

    /// <summary>Returns <paramref name="realBase"/> (already free of links) joined with <paramref name="relative"/>, every link resolved, or null when links loop.</summary>
    public static string? Resolve(string realBase, string relative)
    {
        var current = realBase;
        var pending = Split(relative);
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending[0];
            pending.RemoveAt(0);
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, part);
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                target = null;
            }

            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? current;
                target = target[current.Length..];
            }

            pending.InsertRange(0, Split(target));
        }

        return current;
    }

    /// <summary>Returns whether <paramref name="path"/> is <paramref name="root"/> or inside it; both must be real paths.</summary>
    public static bool IsInside(string path, string root)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var trimmed = Path.TrimEndingDirectorySeparator(root);
        if (IsSeparator(trimmed[^1]))
        {
            // The root is a volume root such as "/", which every real path is inside.
            return path.StartsWith(trimmed, comparison);
        }

        return path.Equals(trimmed, comparison)
            || (path.Length > trimmed.Length && IsSeparator(path[trimmed.Length]) && path.StartsWith(trimmed, comparison));
    }

    private static bool IsSeparator(char c) => c == Path.DirectorySeparatorChar || c == Path.AltDirectorySeparatorChar;

    private static List<string> Split(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part != ".")
            {
                parts.Add(part);
            }
        }

        return parts;
    }
}
