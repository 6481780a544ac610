using BenchmarkDotNet.Attributes;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>
/// <see cref="GetFileTree"/> on a fixture whose inspector page is open: its live feed is read the whole time, so each request is
/// formatted as JSON twice (arrival, completion) and written to the feed. Raw Kestrel and WireMock do what they do in GetFileTree.
/// </summary>
[BenchmarkCategory(nameof(GetWatchedByInspector))]
public class GetWatchedByInspector : GetFileTree
{
    private HttpClient? _page;
    private CancellationTokenSource? _closing;
    private Task? _reading;

    protected override void ConfigureFixture(HttpFixtureOptions options) => options.EnableInspector();

    protected override void AddStubs()
    {
        _page = new HttpClient { BaseAddress = FixtureServer.InspectorAddress, Timeout = Timeout.InfiniteTimeSpan };
        _closing = new CancellationTokenSource();
        var opened = _page.GetAsync("api/events", HttpCompletionOption.ResponseHeadersRead, _closing.Token).GetAwaiter().GetResult();
        _reading = Task.Run(async () =>
        {
            using (opened)
            {
                await using var feed = await opened.Content.ReadAsStreamAsync(_closing.Token);
                var buffer = new byte[64 * 1024];
                while (await feed.ReadAsync(buffer, _closing.Token) > 0)
                {
                }
            }
        });
    }

    protected override async Task StopScenarioAsync()
    {
        await _closing!.CancelAsync();
        await _reading!.ContinueWith(static _ => { }, TaskScheduler.Default);
        _page!.Dispose();
        _closing.Dispose();
    }
}
