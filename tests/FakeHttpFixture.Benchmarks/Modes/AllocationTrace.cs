using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace FakeHttpFixture.Benchmarks;

/// <summary>
/// With ALLOC_TRACE=1, the memory mode listens to the runtime's allocation ticks (one event about every 100 KB allocated)
/// and prints the allocated amount per type and heap (0 small, 1 large, 2 pinned): a first answer to "who allocates".
/// The call stacks need `dotnet-trace collect --providers Microsoft-Windows-DotNETRuntime:0x1:5` instead.
/// </summary>
internal sealed class AllocationTrace : EventListener
{
    private readonly ConcurrentDictionary<string, long> _byType = new();

    public void Print(TextWriter output)
    {
        foreach (var (type, amount) in _byType.OrderByDescending(pair => pair.Value).Take(10))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{amount / 1048576.0,8:0.0} MiB  {type}"));
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword; verbose adds the allocation ticks
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }

        var type = Field(eventData, "TypeName") as string ?? "?";
        var heap = Field(eventData, "AllocationKind");
        var amount = Convert.ToInt64(Field(eventData, "AllocationAmount64") ?? 0L, CultureInfo.InvariantCulture);
        _byType.AddOrUpdate($"{type} (heap {heap})", amount, (_, total) => total + amount);
    }

    private static object? Field(EventWrittenEventArgs eventData, string name) =>
        eventData.PayloadNames!.IndexOf(name) is var index and >= 0 ? eventData.Payload![index] : null;
}
