using System.Text.Json;

namespace FakeHttpFixture;

/// <summary>
/// The entries of the HAR files a server replays, grouped by method, path and query, and how far each group has been played:
/// a request takes the next entry of its group, in recorded order, and the last one repeats. Where the group holds entries for
/// several hosts, the request's own host picks among them when it names one; where the candidates differ by request body, the
/// body must match one of theirs. It also keeps every entry of the files as written, so that a refresh (replay and proxy at
/// once) writes them all back before the new ones.
/// </summary>
internal sealed class ReplayBook
{
    private readonly Dictionary<(string Method, string Path, string Query), ReplayGroup> _groups = [];
    private readonly List<HarEntry> _entries;

    private ReplayBook(IReadOnlyList<HarFile> files)
    {
        _entries = [.. files.SelectMany(f => f.Entries)];
        Kept = [.. files.SelectMany(f => f.Raw)];
        foreach (var entry in _entries)
        {
            var key = (entry.Method, entry.Path, entry.Query);
            if (!_groups.TryGetValue(key, out var group))
            {
                _groups[key] = group = new ReplayGroup();
            }

            group.Entries.Add(entry);
        }
    }

    /// <summary>Gets every entry of the files, as written and in their order, those replay skips included.</summary>
    public IReadOnlyList<JsonElement> Kept { get; }

    /// <summary>Reads every file, in order, when the server starts.</summary>
    /// <exception cref="InvalidDataException">A file is not a HAR replay can use; the message names the line and field.</exception>
    public static ReplayBook Load(IReadOnlyList<string> files) => new([.. files.Select(HarReader.ReadFile)]);

    /// <summary>Returns the entry that answers <paramref name="request"/>, or <see langword="null"/> when the files hold none.</summary>
    public HarEntry? Take(RecordedRequest request)
    {
        var query = request.QueryString.Length == 0 ? string.Empty : HarUrl.NormalizeQuery(request.QueryString);
        return _groups.TryGetValue((request.Method, request.Path, query), out var group) ? group.Take(request) : null;
    }

    /// <summary>Says, for a miss report, why no entry answered <paramref name="request"/> and which came nearest.</summary>
    public string Explain(RecordedRequest request) => ReplayMissReport.Write(request, _entries);

    /// <summary>Starts every group from its first entry again, for a server shared between tests (<see cref="HttpFixtureServer.Reset"/>).</summary>
    public void Rewind()
    {
        foreach (var group in _groups.Values)
        {
            group.Rewind();
        }
    }
}
