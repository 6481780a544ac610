using System.Collections.Concurrent;

namespace FakeHttpFixture.AdapterTests;

/// <summary>
/// ParallelGate holds each of <see cref="Expected"/> tests until all of them are running at once, each with its server up,
/// and returns the ports they hold: a test framework that ran them one after another would time out here.
/// </summary>
public static class ParallelGate
{
    public const int Expected = 8;

    private static readonly ConcurrentDictionary<string, int> Ports = new();
    private static readonly TaskCompletionSource AllArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<IReadOnlyCollection<int>> ArriveAsync(string test, int port)
    {
        Ports[test] = port;
        if (Ports.Count == Expected)
        {
            AllArrived.TrySetResult();
        }

        try
        {
            await AllArrived.Task.WaitAsync(TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException)
        {
            // Fail the others at once instead of letting each wait out its own timeout.
            var failure = new TimeoutException($"Only {Ports.Count} of {Expected} tests were running at the same time: {string.Join(", ", Ports.Keys)}.");
            AllArrived.TrySetException(failure);
            throw failure;
        }

        return Ports.Values.ToList();
    }
}
