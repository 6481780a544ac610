namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>
/// Two fixture servers serving the same 1 KiB file, one without routed hosts and one with ForHosts("api.example.com"), each with the
/// client its CreateHandler() hands out: the pair the routing scenarios compare, so only the routing differs.
/// </summary>
public abstract class RoutedPair
{
    protected const string RoutedName = "api.example.com";

    protected HttpFixtureServer DirectServer { get; private set; } = null!;

    protected HttpFixtureServer RoutedServer { get; private set; } = null!;

    protected abstract bool Https { get; }

    /// <summary>Gets the file's URL at the server's own address, as a test without routing asks for it.</summary>
    protected Uri DirectUrl => DirectServer.Url("file.bin");

    /// <summary>Gets the file's URL under the routed name, on the scheme of the pair.</summary>
    protected Uri RoutedUrl => new($"{(Https ? "https" : "http")}://{RoutedName}/file.bin");

    [BenchmarkDotNet.Attributes.GlobalSetup]
    public async Task StartServersAsync()
    {
        var tree = new FileTree().Add("file.bin", Payload.File);
        DirectServer = await HttpFixtureServer.StartAsync(tree, o =>
        {
            if (Https)
            {
                o.UseHttps();
            }

            o.MaxRecordedRequests = 1024;
        });
        RoutedServer = await HttpFixtureServer.StartAsync(tree, o =>
        {
            if (Https)
            {
                o.UseHttps();
            }

            o.ForHosts(RoutedName);
            o.MaxRecordedRequests = 1024;
        });
        await OnStartedAsync();
    }

    [BenchmarkDotNet.Attributes.GlobalCleanup]
    public async Task StopServersAsync()
    {
        await OnStoppingAsync();
        await DirectServer.DisposeAsync();
        await RoutedServer.DisposeAsync();
    }

    protected virtual Task OnStartedAsync() => Task.CompletedTask;

    protected virtual Task OnStoppingAsync() => Task.CompletedTask;
}
