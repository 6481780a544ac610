using System.Collections.Concurrent;

namespace FakeHttpFixture.TUnit.Tests;

/// <summary>Holds each of a number of tests that run at the same time until all of them have arrived at the gate of the same name.</summary>
internal static class Gate
{
    private static readonly ConcurrentDictionary<string, (TaskCompletionSource All, int[] Count)> Gates = new();

    public static async Task ArriveAsync(string name, int expected)
    {
        var (all, count) = Gates.GetOrAdd(name, _ => (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), new int[1]));
        if (Interlocked.Increment(ref count[0]) == expected)
        {
            all.TrySetResult();
        }

        try
        {
            await all.Task.WaitAsync(TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException)
        {
            var failure = new TimeoutException($"Only {Volatile.Read(ref count[0])} of {expected} tests reached the gate {name} at the same time: TUnit ran them one after another.");
            all.TrySetException(failure);
            throw failure;
        }
    }
}
