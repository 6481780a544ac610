using System.Diagnostics;
using System.Net;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Files;

/// <summary>
/// Issue 21, item 5: only regular files and directories are served. A named pipe (a directory such as /tmp holds them) used to
/// hang its request until the client gave up; forty starved the thread pool so other GETs timed out and stop took 27 s.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class SpecialFileTests
{
    private const int Pipes = 40;

    [Fact]
    public async Task Forty_named_pipes_are_404_at_once_unlisted_and_leave_other_requests_and_stop_unharmed()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Named pipes in a served directory are told apart through statx(2), on Linux.");
        using var dir = new TempDirectory();
        dir.Write("real.txt", "served");
        dir.Write("empty.txt", string.Empty);
        var (exit, _, error) = await ExternalProcess.RunAsync("mkfifo", [.. Enumerable.Range(0, Pipes).Select(i => Path.Combine(dir.Path, $"pipe{i}"))]);
        exit.ShouldBe(0, error);

        await using var server = HttpFixtureServer.Start(dir.Path);
        using var client = server.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);

        // Every pipe at once from HttpClient, the same pipes from curl, and real files in between.
        var pipeGets = Enumerable.Range(0, Pipes).Select(i => client.GetAsync($"pipe{i}")).ToArray();
        var curl = ExternalProcess.RunAsync("curl", ["-sS", "--max-time", "60", "-o", "/dev/null", "-w", "%{http_code} ", .. Enumerable.Range(0, Pipes).Select(i => server.Url($"pipe{i}").ToString())]);
        var real = Enumerable.Range(0, 20).Select(_ => client.GetStringAsync("real.txt")).ToArray();

        foreach (var response in await Task.WhenAll(pipeGets))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var (curlExit, codes, curlError) = await curl;
        curlExit.ShouldBe(0, curlError);
        codes.Trim().Split(' ').ShouldAllBe(code => code == "404");
        (await Task.WhenAll(real)).ShouldAllBe(text => text == "served");
        (await client.GetStringAsync("empty.txt")).ShouldBeEmpty("an empty regular file is still a file");
        using (var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "pipe7")))
        {
            head.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var listing = await client.GetStringAsync("/");
        listing.ShouldContain("real.txt");
        listing.ShouldContain("empty.txt");
        listing.ShouldNotContain("pipe");
        server.Requests.Where(r => r.Path.StartsWith("/pipe", StringComparison.Ordinal)).ShouldAllBe(r => r.StatusCode == 404);

        // Nothing is left blocked in open(2), so stop takes its usual moment; 27 s before the fix. The bound is generous.
        var stop = Stopwatch.StartNew();
        await server.DisposeAsync();
        stop.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }
}
