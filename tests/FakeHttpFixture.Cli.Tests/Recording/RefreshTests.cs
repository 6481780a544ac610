using System.Globalization;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using FakeHttpFixture.Cli.Tests.Support;

namespace FakeHttpFixture.Cli.Tests.Recording;

/// <summary>
/// fakehttp --proxy URL --replay t.har --har t.har refreshes a recording: every entry it loaded stays, as written and in order,
/// and what the service answered this run is added. --replay problems are told in fakehttp's own words.
/// </summary>
public sealed class RefreshTests
{
    private const string Fetch = """
        import http.client, sys
        for path in sys.argv[2:]:
            c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=30)
            c.request("GET", path)
            r = c.getresponse()
            print(path, r.status, r.read().decode())
            c.close()
        """;

    [Fact]
    public async Task A_refresh_keeps_all_20_entries_and_adds_the_new_one()
    {
        using var dir = new TempDirectory();
        dir.Write("site/new.txt", "fresh");
        dir.Write("t.har", Har(20));
        await using (var service = await FakehttpProcess.ServeAsync(dir.Path, "site", "--port", "0", "--quiet"))
        {
            await using var refresh = await FakehttpProcess.ServeAsync(dir.Path, "--proxy", service.BaseAddress!.ToString(), "--replay", "t.har", "--har", "t.har", "--port", "0");

            var (exit, output, error) = await ExternalProcess.PythonAsync(Fetch, [refresh.BaseAddress!.Port.ToString(CultureInfo.InvariantCulture), "/e3", "/new.txt"]);

            exit.ShouldBe(0, error);
            output.ShouldBe("/e3 200 recorded 3\n/new.txt 200 fresh\n");
            await refresh.WaitForLineAsync("/new.txt");
            await refresh.SignalAsync("TERM");
            (await refresh.WaitForExitAsync()).ShouldBe(0, refresh.Error);
        }

        var urls = Urls(dir["t.har"]);
        urls.Length.ShouldBe(21);
        urls.Take(20).ShouldBe(Enumerable.Range(0, 20).Select(i => $"https://svc.example.com/e{i}"));
        urls[20].ShouldEndWith("/new.txt");
    }

    [Fact]
    public async Task A_refresh_that_is_asked_nothing_writes_the_recording_back_whole()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir["site"]);
        dir.Write("t.har", Har(20));
        await using var service = await FakehttpProcess.ServeAsync(dir.Path, "site", "--port", "0", "--quiet");
        await using var refresh = await FakehttpProcess.ServeAsync(dir.Path, "--proxy", service.BaseAddress!.ToString(), "--replay", "t.har", "--har", "t.har", "--port", "0");

        await refresh.SignalAsync("TERM");

        (await refresh.WaitForExitAsync()).ShouldBe(0, refresh.Error);
        Urls(dir["t.har"]).Length.ShouldBe(20);
    }

    [Fact]
    public async Task A_replay_file_that_is_not_utf8_stops_fakehttp_with_its_byte_offset()
    {
        using var dir = new TempDirectory();
        var text = "{\"log\":{\"entries\":[\n{\"request\":{\"method\":\"GET\",\"url\":\"https://s/caf\u00e9\"},\"response\":{\"status\":200}}]}}";
        File.WriteAllBytes(dir["latin1.har"], Encoding.Latin1.GetBytes(text));
        await using var fakehttp = FakehttpProcess.Start(dir.Path, null, "--replay", "latin1.har", "--port", "0");

        (await fakehttp.WaitForExitAsync()).ShouldBe(1);
        fakehttp.Error.ShouldBe($"fakehttp: --replay: The HAR file '{dir["latin1.har"]}' is not UTF-8: the byte 0xE9 at offset {text.IndexOf('\u00e9', StringComparison.Ordinal)} (line 2) is not part of a UTF-8 character. HAR files are UTF-8 JSON: save it as UTF-8, or record it again.\n");
    }

    [Fact]
    public async Task A_replay_directory_is_a_usage_error()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir["recordings"]);
        await using var fakehttp = FakehttpProcess.Start(dir.Path, null, "--replay", "recordings", "--port", "0");

        (await fakehttp.WaitForExitAsync()).ShouldBe(2);
        fakehttp.Error.ShouldStartWith($"fakehttp: --replay '{dir["recordings"]}' is a directory: give a HAR file, such as {Path.Combine("recordings", "service.har")}.");
    }

    [Fact]
    public async Task An_empty_replay_is_a_usage_error()
    {
        using var dir = new TempDirectory();
        await using var fakehttp = FakehttpProcess.Start(dir.Path, null, "--replay", string.Empty, "--port", "0");

        (await fakehttp.WaitForExitAsync()).ShouldBe(2);
        fakehttp.Error.ShouldBe("fakehttp: --replay is an empty string: give the HAR file to answer from, such as service.har. Run 'fakehttp --help' for the options.\n");
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task The_tool_runs_as_another_user_from_a_checkout_that_user_cannot_traverse()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess, "Dropping to uid 65534 with setpriv needs root on Linux.");
        using var dir = new TempDirectory();
        var hidden = Directory.CreateDirectory(dir["home/checkout"]).FullName;
        File.SetUnixFileMode(dir["home"], UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var source = Path.GetDirectoryName(FakehttpProcess.ToolPath)!;
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(hidden, Path.GetFileName(file)));
        }

        var unreachable = Path.Combine(hidden, "fakehttp.dll");
        UnprivilegedTool.OthersCanReach(unreachable).ShouldBeFalse();

        var reachable = UnprivilegedTool.Reachable(unreachable);

        var (exit, output, error) = await ExternalProcess.RunAsync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", FakehttpProcess.DotnetHost(), reachable, "--help"]);
        exit.ShouldBe(0, error);
        output.ShouldContain("--replay");
    }

    private static string Har(int count) => JsonSerializer.Serialize(new
    {
        log = new
        {
            version = "1.2",
            entries = Enumerable.Range(0, count).Select(i => new
            {
                request = new { method = "GET", url = $"https://svc.example.com/e{i}", headers = Array.Empty<object>() },
                response = new { status = 200, headers = Array.Empty<object>(), content = new { mimeType = "text/plain", text = $"recorded {i}" } },
            }),
        },
    });

    private static string[] Urls(string har)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(har));
        return [.. document.RootElement.GetProperty("log").GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("request").GetProperty("url").GetString()!)];
    }
}
