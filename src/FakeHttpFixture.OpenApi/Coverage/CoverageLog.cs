namespace FakeHttpFixture;

/// <summary>Counts, per documented operation, the calls a server saw and the status codes it answered them with.</summary>
internal sealed class CoverageLog(ContractDocument document)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ContractOperation, (int Calls, SortedSet<int> Statuses)> _seen = [];
    private int _undocumented;

    public void Record(ContractOperation operation, int status)
    {
        lock (_gate)
        {
            var (calls, statuses) = _seen.TryGetValue(operation, out var entry) ? entry : (0, new SortedSet<int>());
            if (status != 0)
            {
                statuses.Add(status);
            }

            _seen[operation] = (calls + 1, statuses);
        }
    }

    public void RecordUndocumented() => Interlocked.Increment(ref _undocumented);

    public OpenApiCoverage Snapshot()
    {
        lock (_gate)
        {
            var operations = document.Operations.Select(o =>
            {
                var (calls, statuses) = _seen.TryGetValue(o, out var entry) ? entry : (0, new SortedSet<int>());
                var documented = o.Responses.Select(r => r.Key).ToList();
                var notSeen = documented.Where(key => !statuses.Any(s => o.ResponseFor(s)?.Key == key)).ToList();
                return new OpenApiOperationCoverage(o.Method, o.Path.Text, o.OperationId, calls, documented, [.. statuses], notSeen);
            }).ToList();
            return new OpenApiCoverage(document.FileName, operations, Volatile.Read(ref _undocumented));
        }
    }
}
