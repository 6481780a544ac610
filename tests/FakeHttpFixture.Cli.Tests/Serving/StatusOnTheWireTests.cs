using System.Globalization;
using System.Runtime.Versioning;
using System.Text.Json;
using FakeHttpFixture.Cli.Tests.Support;

namespace FakeHttpFixture.Cli.Tests.Serving;

/// <summary>
/// Issue 21, item 4: the log, index.jsonl and the HAR record the status that went on the wire. An unreadable file was 403 on
/// the wire and 200 (with the file's length) in every record; a DELETE on a read-only tree 500 on the wire and 200 recorded.
/// </summary>
public sealed class StatusOnTheWireTests
{
    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task An_unreadable_file_is_403_on_the_wire_in_the_log_the_index_and_the_har()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "File modes and setpriv are tried on Linux.");
        // Root reads every file whatever its mode, so as root fakehttp is run as nobody (setpriv), as a user would run it.
        string[] launcher = Environment.IsPrivilegedProcess ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : [];
        using var dir = new TempDirectory();
        dir.Write("site/secret.txt", "not for you");
        dir.Write("site/open.txt", "for everyone");
        File.SetUnixFileMode(dir["site/secret.txt"], UnixFileMode.None);
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0b111_111_111);
        File.SetUnixFileMode(dir["site"], (UnixFileMode)0b111_101_101);
        await using var fakehttp = await FakehttpProcess.ServeThroughAsync(dir.Path, launcher, "site", "--port", "0", "--record", "rec", "--har", "out.har");

        var secret = await CurlStatusAsync(new Uri(fakehttp.BaseAddress!, "secret.txt").ToString());
        var open = await CurlStatusAsync(new Uri(fakehttp.BaseAddress!, "open.txt").ToString());

        (secret, open).ShouldBe((403, 200));
        (await fakehttp.WaitForLineAsync("/secret.txt")).ShouldContain("  403  -  ");
        await fakehttp.WaitForLineAsync("/open.txt");
        await fakehttp.SignalAsync("TERM");
        (await fakehttp.WaitForExitAsync()).ShouldBe(0, fakehttp.Error);

        var index = File.ReadAllLines(dir["rec/index.jsonl"]).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        index.Select(e => $"{e.GetProperty("path").GetString()} {e.GetProperty("status").GetInt32()} {e.GetProperty("responseBodyLength").GetInt64()}")
            .ShouldBe(["/secret.txt 403 0", "/open.txt 200 12"]);
        using var har = JsonDocument.Parse(File.ReadAllText(dir["out.har"]));
        har.RootElement.GetProperty("log").GetProperty("entries").EnumerateArray()
            .Select(e => e.GetProperty("response").GetProperty("status").GetInt32()).ShouldBe([403, 200]);
    }

    [Fact]
    public async Task Put_and_delete_on_a_read_only_tree_are_403_on_the_wire_in_the_log_and_the_index()
    {
        using var disk = await ScratchFileSystem.MountAsync(1024 * 1024);
        await File.WriteAllTextAsync(disk["kept.txt"], "kept", TestContext.Current.CancellationToken);
        await disk.MakeReadOnlyAsync();
        using var dir = new TempDirectory();
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, disk.Path, "--port", "0", "--record", "rec", "--accept-uploads");

        var delete = await CurlStatusAsync("-X", "DELETE", new Uri(fakehttp.BaseAddress!, "kept.txt").ToString());
        var put = await CurlStatusAsync("-X", "PUT", "--data-binary", "new", new Uri(fakehttp.BaseAddress!, "new.txt").ToString());

        (delete, put).ShouldBe((403, 403));
        (await fakehttp.WaitForLineAsync("DELETE /kept.txt")).ShouldContain("  403  ");
        (await fakehttp.WaitForLineAsync("PUT /new.txt")).ShouldContain("  403  ");
        var index = File.ReadAllLines(dir["rec/index.jsonl"]).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        index.Select(e => e.GetProperty("status").GetInt32()).ShouldBe([403, 403]);
        File.ReadAllText(disk["kept.txt"]).ShouldBe("kept");
    }

    private static async Task<int> CurlStatusAsync(params string[] arguments)
    {
        var (exit, output, error) = await ExternalProcess.RunAsync("curl", ["-sS", "-o", "/dev/null", "-w", "%{http_code}", .. arguments]);
        exit.ShouldBe(0, error);
        return int.Parse(output, CultureInfo.InvariantCulture);
    }
}
