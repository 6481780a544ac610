namespace FakeHttpFixture;

/// <summary>
/// Paths a served directory treats as absent (<see cref="HttpFixtureOptions.HiddenPaths"/>), with everything below them. A path is
/// compared as written and with its links resolved, so neither a link inside the tree nor "a/../" spelling reaches a hidden one.
/// </summary>
internal sealed class HiddenPaths
{
    private readonly string[] _paths;

    public HiddenPaths(IEnumerable<string> paths)
    {
        var all = new List<string>();
        foreach (var path in paths)
        {
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
            all.Add(full);
            if (RealPath.Resolve(full) is { } real && real != full)
            {
                all.Add(Path.TrimEndingDirectorySeparator(real));
            }
        }

        _paths = [.. all];
    }

    /// <summary>Gets a value indicating whether anything is hidden, so a server that hides nothing pays no lookup.</summary>
    public bool Any => _paths.Length > 0;

    /// <summary>Returns whether <paramref name="path"/> (a full path) is hidden or lies below a hidden path, as written or through its links.</summary>
    public bool Covers(string path)
    {
        var full = Path.GetFullPath(path);
        if (Matches(full))
        {
            return true;
        }

        return RealPath.Resolve(full) is not { } real || Matches(real);
    }

    private bool Matches(string full)
    {
        foreach (var hidden in _paths)
        {
            if (RealPath.IsInside(full, hidden))
            {
                return true;
            }
        }

        return false;
    }
}
