namespace FakeHttpFixture;

/// <summary>The entries of one method, path and query, in recorded order, and how many times each way of matching them has been played.</summary>
internal sealed class ReplayGroup
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Host, int Body), int> _played = [];

    public List<HarEntry> Entries { get; } = [];

    public HarEntry? Take(RecordedRequest request)
    {
        // The common group of one entry: it answers every time, and there is nothing to count.
        if (Entries.Count == 1)
        {
            return Entries[0];
        }

        var host = HarUrl.NormalizeHost(request.Host, request.Scheme);
        var candidates = Entries.Where(e => e.Host == host).ToList();
        if (candidates.Count == 0)
        {
            host = "*";
            candidates = Entries;
        }

        var bodyKey = -1;
        if (candidates.Skip(1).Any(e => !e.RequestBody.AsSpan().SequenceEqual(candidates[0].RequestBody)))
        {
            var body = request.Body;
            var same = candidates.FindIndex(e => e.RequestBody.AsSpan().SequenceEqual(body));
            if (same < 0)
            {
                return null;
            }

            bodyKey = same;
            candidates = candidates.Where(e => e.RequestBody.AsSpan().SequenceEqual(body)).ToList();
        }

        lock (_gate)
        {
            var played = _played.GetValueOrDefault((host, bodyKey));
            _played[(host, bodyKey)] = played + 1;
            return candidates[Math.Min(played, candidates.Count - 1)];
        }
    }

    public void Rewind()
    {
        lock (_gate)
        {
            _played.Clear();
        }
    }
}
