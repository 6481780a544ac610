namespace FakeHttpFixture;

/// <summary>
/// One server's WireMock mappings and scenario states (kept with <see cref="HttpFixtureServer.GetOrAddExtension{T}"/>). Mappings are
/// replaced whole under a lock and read without one, in the order WireMock tries them: lowest priority number first, then newest first.
/// </summary>
internal sealed class WireMockState
{
    /// <summary>The state every scenario starts in.</summary>
    public const string Started = "Started";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _scenarios = new(StringComparer.Ordinal);
    private List<Mapping> _defaults = [];
    private Mapping[] _mappings = [];
    private long _nextIndex;

    private WireMockState(HttpFixtureServer server)
    {
        Stage = new WireMockStage(this);
        server.AddStage(Stage, StagePosition.WithStubs);
    }

    public WireMockStage Stage { get; }

    /// <summary>Gets or sets the __files directory bodyFileName is read from, or null when none was loaded.</summary>
    public string? FilesRoot { get; set; }

    /// <summary>Gets the mappings in the order they are tried.</summary>
    public Mapping[] Mappings => Volatile.Read(ref _mappings);

    public static WireMockState For(HttpFixtureServer server) => server.GetOrAddExtension(static s => new WireMockState(s));

    /// <summary>Sets the mappings read from files: what the server starts with and what a reset goes back to.</summary>
    public void SetDefaults(IEnumerable<Mapping> mappings)
    {
        lock (_gate)
        {
            _defaults = [.. _defaults, .. mappings];
            ResetMappingsLocked();
        }
    }

    public void Add(Mapping mapping) => Change(list => list.Add(Stamp(mapping)));

    public bool Replace(Guid id, Mapping mapping)
    {
        var found = false;
        Change(list =>
        {
            var index = list.FindIndex(m => m.Id == id);
            if (found = index >= 0)
            {
                mapping.InsertionIndex = list[index].InsertionIndex;
                list[index] = mapping;
            }
        });
        return found;
    }

    public bool Remove(Guid id)
    {
        var found = false;
        Change(list => found = list.RemoveAll(m => m.Id == id) > 0);
        return found;
    }

    public void Clear() => Change(list => list.Clear());

    public Mapping? Find(Guid id) => Array.Find(Mappings, m => m.Id == id);

    /// <summary>Puts back the mappings read from files, as POST /__admin/mappings/reset does.</summary>
    public void ResetMappings()
    {
        lock (_gate)
        {
            ResetMappingsLocked();
        }
    }

    public void ResetScenarios()
    {
        lock (_gate)
        {
            _scenarios.Clear();
        }
    }

    /// <summary>Checks a mapping's scenario step and takes it: true when the scenario is in the required state (or the mapping has none).</summary>
    public bool TryTakeStep(Mapping mapping)
    {
        if (mapping.ScenarioName is not { } name)
        {
            return true;
        }

        lock (_gate)
        {
            var current = _scenarios.GetValueOrDefault(name, Started);
            if (mapping.RequiredScenarioState is { } required && required != current)
            {
                return false;
            }

            if (mapping.NewScenarioState is { } next)
            {
                _scenarios[name] = next;
            }

            return true;
        }
    }

    /// <summary>Lists every scenario the mappings name, with its state and the states its mappings mention.</summary>
    public List<(string Name, string State, List<string> PossibleStates)> Scenarios()
    {
        var mappings = Mappings;
        lock (_gate)
        {
            return [.. mappings.Where(m => m.ScenarioName is not null).GroupBy(m => m.ScenarioName!, StringComparer.Ordinal).Select(group => (
                group.Key,
                _scenarios.GetValueOrDefault(group.Key, Started),
                group.SelectMany(m => new[] { m.RequiredScenarioState ?? Started, m.NewScenarioState }).OfType<string>().Distinct(StringComparer.Ordinal).ToList()))];
        }
    }

    private void ResetMappingsLocked()
    {
        foreach (var mapping in _defaults)
        {
            mapping.InsertionIndex = ++_nextIndex;
        }

        Volatile.Write(ref _mappings, Ordered(_defaults));
    }

    private Mapping Stamp(Mapping mapping)
    {
        mapping.InsertionIndex = Interlocked.Increment(ref _nextIndex);
        return mapping;
    }

    private void Change(Action<List<Mapping>> change)
    {
        lock (_gate)
        {
            var list = _mappings.ToList();
            change(list);
            Volatile.Write(ref _mappings, Ordered(list));
        }
    }

    private static Mapping[] Ordered(IEnumerable<Mapping> mappings) => [.. mappings.OrderBy(m => m.Priority).ThenByDescending(m => m.InsertionIndex)];
}
