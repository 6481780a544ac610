using System.Globalization;
using System.Net.Sockets;
using System.Net;
using System.Runtime.Versioning;
using FakeHttpFixture.Cli.Tests.Support;

namespace FakeHttpFixture.Cli.Tests.Errors;

/// <summary>
/// Issue 21, items 6 and 8: what can be known before serving is checked before serving, and said in one sentence: a usage problem
/// exits 2, a problem of this machine exits 1. These used to end in "unexpected …Exception", or be found only at exit.
/// </summary>
public sealed class EarlyCheckTests
{
    [Theory]
    [InlineData("--bind '1.2.3' is not an IP address: give one such as 127.0.0.1, ::1 or 0.0.0.0.", "--bind", "1.2.3")]
    [InlineData("--bind '010.0.0.1' is not an IP address: give one such as 127.0.0.1, ::1 or 0.0.0.0.", "--bind", "010.0.0.1")]
    [InlineData("--bind '::ffff:127.0.0.1' is an IPv4 address written as IPv6: give it as 127.0.0.1.", "--bind", "::ffff:127.0.0.1")]
    [InlineData("--bind '192.0.2.1' is not an address of this machine, so fakehttp cannot listen there: give one it has (127.0.0.1", "--bind", "192.0.2.1")]
    [InlineData("the directory to serve is an empty string: leave it out to serve the current directory, or give one such as site.", "")]
    [InlineData("--har is an empty string: give the file to write, such as requests.har.", "--har", "")]
    [InlineData("--record is an empty string: give the directory to record into, such as rec.", "--record", "")]
    public async Task A_usage_problem_exits_2_with_one_sentence_before_anything_is_made(string sentence, params string[] arguments)
    {
        using var dir = new TempDirectory();
        await using var fakehttp = FakehttpProcess.Start(dir.Path, null, ["--port", "0", .. arguments]);

        (await fakehttp.WaitForExitAsync()).ShouldBe(2, fakehttp.Error);

        fakehttp.Error.ShouldStartWith("fakehttp: " + sentence);
        fakehttp.Error.ShouldEndWith(" Run 'fakehttp --help' for the options.\n");
        fakehttp.Error.Count(c => c == '\n').ShouldBe(1, fakehttp.Error);
        fakehttp.Output.ShouldBeEmpty();
        Directory.GetFileSystemEntries(dir.Path).ShouldBeEmpty();
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task A_privileged_port_without_the_right_to_bind_it_exits_1_with_a_sentence()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Privileged ports and setpriv are tried on Linux.");
        var start = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_unprivileged_port_start").Trim(), CultureInfo.InvariantCulture);
        Assert.SkipUnless(start > 80, "This machine lets anyone bind port 80.");
        using var dir = new TempDirectory();
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0b111_101_101);
        string[] launcher = Environment.IsPrivilegedProcess ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : [];

        var (exit, output, error) = await ExternalProcess.RunAsync(launcher.Length > 0 ? launcher[0] : FakehttpProcess.DotnetHost(), [.. launcher.Skip(1), .. launcher.Length > 0 ? new[] { FakehttpProcess.DotnetHost() } : [], launcher.Length > 0 ? UnprivilegedTool.Path : FakehttpProcess.ToolPath, dir.Path, "--port", "80"]);

        exit.ShouldBe(1, error);
        error.ShouldBe("fakehttp: cannot listen on 127.0.0.1 port 80: ports below 1024 need root (or the CAP_NET_BIND_SERVICE capability) on this system. Choose a port from 1024 up, or --port 0 for a free one.\n");
        output.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_har_that_cannot_be_written_fails_at_start_not_at_exit()
    {
        using var disk = await ScratchFileSystem.MountAsync(64 * 1024);
        await disk.MakeReadOnlyAsync();
        using var dir = new TempDirectory();
        await using var fakehttp = FakehttpProcess.Start(dir.Path, null, "--port", "0", "--har", disk["out.har"], "--record", "rec");

        (await fakehttp.WaitForExitAsync()).ShouldBe(1);

        fakehttp.Error.ShouldStartWith($"fakehttp: --har '{disk["out.har"]}' cannot be written: making a file in '{disk.Path}' failed (Read-only file system");
        fakehttp.Error.Count(c => c == '\n').ShouldBe(1, fakehttp.Error);
        fakehttp.Output.ShouldBeEmpty("it never served");
        Directory.Exists(dir["rec"]).ShouldBeFalse("the HAR is checked before the record directory is made");
    }

    [Fact]
    public async Task A_record_directory_that_holds_the_served_one_is_refused_since_hiding_it_would_hide_everything()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir["site"]);
        await using var fakehttp = FakehttpProcess.Start(dir.Path, null, "site", "--port", "0", "--record", ".");

        (await fakehttp.WaitForExitAsync()).ShouldBe(1);

        fakehttp.Error.ShouldBe($"fakehttp: --record '{dir.Path}' holds the directory being served, which would then serve nothing; give a directory of its own, such as rec.\n");
        fakehttp.Output.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_failed_start_removes_every_directory_record_made_for_it()
    {
        using var dir = new TempDirectory();
        var occupier = new TcpListener(IPAddress.Loopback, 0);
        occupier.Start();
        try
        {
            var port = ((IPEndPoint)occupier.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
            Directory.CreateDirectory(dir["kept"]);
            await using var fakehttp = FakehttpProcess.Start(dir.Path, null, "--port", port, "--record", "kept/a/b/rec");

            (await fakehttp.WaitForExitAsync()).ShouldBe(1);

            fakehttp.Error.ShouldContain("is already in use");
            Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).ShouldBe(["kept"]);
            Directory.GetFileSystemEntries(dir["kept"]).ShouldBeEmpty("a, a/b and a/b/rec were made for the run, and removed with it");
        }
        finally
        {
            occupier.Stop();
        }
    }
}
