using System.Globalization;
using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using FakeHttpFixture.Cli.Tests.Support;

namespace FakeHttpFixture.Cli.Tests.Recording;

/// <summary>
/// Issue 21, item 7: without --har, fakehttp keeps in memory only what its outputs still need. It used to keep every body:
/// 300 × 1 MB POSTs took it from 49 to 358 MB resident (docs/cli.md has the figures after the fix). The bound here is loose on purpose (the GC decides when to give
/// memory back); what it rules out is memory that grows with what was received.
/// </summary>
public sealed partial class MemoryTests
{
    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task Without_record_or_har_200_one_megabyte_posts_leave_resident_memory_flat()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Resident memory is read from /proc.");
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir["site"]);
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "site", "--port", "0", "--quiet");
        const string Send = """
            import http.client, os, sys
            body = os.urandom(1_000_000)
            c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=60)
            for i in range(int(sys.argv[2])):
                c.request("POST", "/up/%d" % i, body=body); r = c.getresponse(); r.read(); assert r.status == 200
            """;

        (await ExternalProcess.PythonAsync(Send, RecordTests.Port(fakehttp), "20")).ExitCode.ShouldBe(0);
        var warm = ResidentMegabytes(fakehttp.Id);
        var (exit, _, error) = await ExternalProcess.PythonAsync(Send, RecordTests.Port(fakehttp), "200");
        exit.ShouldBe(0, error);
        var after = ResidentMegabytes(fakehttp.Id);

        (after - warm).ShouldBeLessThan(100, $"resident {warm} MB after 20 posts, {after} MB after 200 more");
        await fakehttp.SignalAsync("TERM");
        (await fakehttp.WaitForExitAsync()).ShouldBe(0, fakehttp.Error);
    }

    private static long ResidentMegabytes(int pid) =>
        long.Parse(ResidentLine().Match(File.ReadAllText($"/proc/{pid}/status")).Groups[1].Value, CultureInfo.InvariantCulture) / 1024;

    [GeneratedRegex(@"VmRSS:\s+(\d+) kB")]
    private static partial Regex ResidentLine();
}
