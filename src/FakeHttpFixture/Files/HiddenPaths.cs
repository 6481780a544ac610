namespace FakeHttpFixture;

/// <summary>
/// Paths a served directory treats as absent, with everything below them: those in <see cref="HttpFixtureOptions.HiddenPaths"/>
/// (fakehttp's record and HAR), and the server's own spill directory when it lies inside the served tree (someone serving the
/// temp folder), since it holds other clients' bodies. A path is compared as written and with its links resolved, so neither
/// a link inside the tree nor an "a/../" spelling reaches a hidden one.
/// </summary>
internal sealed class HiddenPaths
{
    private readonly string[] _paths;
    private readonly string _root;
    private readonly BodySpillDirectory? _spill;
    private volatile SpillCheck? _spillCheck;

    public HiddenPaths(IEnumerable<string> paths, string root, BodySpillDirectory? spill)
    {
        _paths = [.. paths.SelectMany(Spellings)];
        _root = root;
        _spill = spill;
    }

    /// <summary>Gets a value indicating whether anything is hidden, so a server that hides nothing pays no lookup per request.</summary>
    public bool Any => _paths.Length > 0 || SpillInsideRoot() is not null;

    /// <summary>Returns whether <paramref name="path"/> (a full path) is hidden or lies below a hidden path, as written or through its links.</summary>
    public bool Covers(string path)
    {
        var full = Path.GetFullPath(path);
        var spill = SpillInsideRoot();
        if (Matches(full, spill))
        {
            return true;
        }

        return RealPath.Resolve(full) is not { } real || Matches(real, spill);
    }

    private static IEnumerable<string> Spellings(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        yield return full;
        if (RealPath.Resolve(full) is { } real && real != full)
        {
            yield return Path.TrimEndingDirectorySeparator(real);
        }
    }

    private bool Matches(string full, string[]? spill)
    {
        foreach (var hidden in spill is null ? _paths : [.. _paths, .. spill])
        {
            if (RealPath.IsInside(full, hidden))
            {
                return true;
            }
        }

        return false;
    }

    // The spill directory is made on the first large body, after the server started, and never moves: it is checked against
    // the root once, when it first appears; in the usual case (the temp folder is not served) no request pays for it again.
    private string[]? SpillInsideRoot()
    {
        if (_spill?.Path is not { } path)
        {
            return null;
        }

        var check = _spillCheck;
        if (check is null || !ReferenceEquals(check.Path, path))
        {
            var spellings = Spellings(path).ToArray();
            var rootSpellings = Spellings(_root).ToArray();
            var inside = spellings.Any(s => rootSpellings.Any(r => RealPath.IsInside(s, r)));
            _spillCheck = check = new SpillCheck(path, inside ? spellings : null);
        }

        return check.Spellings;
    }

    private sealed record SpillCheck(string Path, string[]? Spellings);
}
