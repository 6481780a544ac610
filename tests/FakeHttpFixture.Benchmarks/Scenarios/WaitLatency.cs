using System.Collections.Specialized;
using BenchmarkDotNet.Attributes;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>
/// A test waiting for the request its code under test sends: register the wait, send a GET, await the wait, then the response.
/// Raw Kestrel completes a TaskCompletionSource when the body is drained; WireMock is watched through LogEntriesChanged.
/// </summary>
[BenchmarkCategory(nameof(WaitLatency))]
public class WaitLatency : RunningPeers
{
    private long _expected;
    private TaskCompletionSource? _wireMockArrival;

    private bool _subscribed;

    [Benchmark(Baseline = true)]
    public async Task<int> Kestrel()
    {
        var arrival = KestrelServer.NextArrival();
        var response = KestrelClient.GetAsync("file.bin");
        await arrival;
        using var done = await response;
        return (int)done.StatusCode;
    }

    [Benchmark]
    public async Task<int> Fixture()
    {
        TrimFixtureJournal();
        var expected = ++_expected;
        var arrival = FixtureServer.WaitForRequestAsync(r => r.Sequence == expected);
        var response = FixtureClient.GetAsync("file.bin");
        await arrival;
        using var done = await response;
        return (int)done.StatusCode;
    }

    [Benchmark]
    public async Task<int> WireMock()
    {
        if (!_subscribed)
        {
            WireMockServer.LogEntriesChanged += OnWireMockLog;
            _subscribed = true;
        }

        TrimWireMockLog();
        var arrival = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _wireMockArrival, arrival);
        var response = WireMockClient.GetAsync("file.bin");
        await arrival.Task;
        using var done = await response;
        return (int)done.StatusCode;
    }

    private void OnWireMockLog(object? sender, NotifyCollectionChangedEventArgs e)
    {
        if (e.Action == NotifyCollectionChangedAction.Add)
        {
            Interlocked.Exchange(ref _wireMockArrival, null)?.TrySetResult();
        }
    }
}
