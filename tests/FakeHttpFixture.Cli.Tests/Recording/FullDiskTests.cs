using System.Text.Json;
using FakeHttpFixture.Cli.Tests.Support;

namespace FakeHttpFixture.Cli.Tests.Recording;

/// <summary>
/// Issue 21, items 6 and 7, on real full disks (a tmpfs of 1 MiB): nothing half-written is left behind, nothing is destroyed, and
/// every request is still recorded with the status it got, the failure said on stderr and in the exit code.
/// </summary>
public sealed class FullDiskTests
{
    private const int Disk = 1024 * 1024;

    [Fact]
    public async Task A_full_record_disk_keeps_every_request_in_the_index_and_leaves_no_partial_body_file()
    {
        using var disk = await ScratchFileSystem.MountAsync(Disk);
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir["site"]);
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "site", "--port", "0", "--record", disk["rec"]);

        // 300 kB each: three fit, the fourth and fifth do not.
        const string Send = """
            import http.client, sys
            for i in range(5):
                c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=60)
                c.request("POST", "/up/%d" % i, body=bytes([48 + i]) * 300_000)
                print(c.getresponse().status); c.close()
            """;
        var (exit, output, error) = await ExternalProcess.PythonAsync(Send, RecordTests.Port(fakehttp));
        exit.ShouldBe(0, error);
        output.ShouldBe("200\n200\n200\n200\n200\n");
        await fakehttp.WaitForLineAsync("/up/4");
        await fakehttp.SignalAsync("TERM");

        (await fakehttp.WaitForExitAsync()).ShouldBe(1, "a body could not be recorded");
        var index = File.ReadAllLines(disk["rec/index.jsonl"]).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        index.Select(e => e.GetProperty("path").GetString()).ShouldBe(["/up/0", "/up/1", "/up/2", "/up/3", "/up/4"]);
        index.ShouldAllBe(e => e.GetProperty("status").GetInt32() == 200 && e.GetProperty("bodyLength").GetInt64() == 300_000);
        var stored = index.Where(e => e.GetProperty("bodyFile").ValueKind == JsonValueKind.String).ToArray();
        var lost = index.Where(e => e.GetProperty("bodyFile").ValueKind == JsonValueKind.Null).ToArray();
        stored.Length.ShouldBeGreaterThan(0);
        lost.Length.ShouldBeGreaterThan(0, "the disk is full for some bodies");
        foreach (var entry in stored)
        {
            var body = File.ReadAllBytes(Path.Combine(disk["rec"], entry.GetProperty("bodyFile").GetString()!));
            body.Length.ShouldBe(300_000, "a body file that exists is whole");
        }

        foreach (var entry in lost)
        {
            entry.GetProperty("bodyError").GetString()!.ShouldContain("No space left on device");
            fakehttp.Error.ShouldContain($"the body of request #{entry.GetProperty("sequence").GetInt64()} could not be written");
        }

        string?[] expected = ["index.jsonl", .. stored.Select(e => e.GetProperty("bodyFile").GetString())];
        Directory.GetFiles(disk["rec"]).Select(Path.GetFileName).Order().ShouldBe(expected.Order(), customMessage: "no temp or partial body file is left");
    }

    [Fact]
    public async Task A_har_that_does_not_fit_fails_with_one_sentence_and_leaves_the_earlier_file_whole()
    {
        using var disk = await ScratchFileSystem.MountAsync(Disk);
        using var dir = new TempDirectory();
        await File.WriteAllTextAsync(disk["out.har"], "the earlier HAR", TestContext.Current.CancellationToken);
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "--port", "0", "--har", disk["out.har"]);

        // 900 kB of bytes that are not text go into the HAR as 1.2 MB of base64.
        const string Send = """
            import http.client, sys
            c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=60)
            c.request("POST", "/big", body=bytes(range(256)) * 3600)
            print(c.getresponse().status)
            """;
        var (exit, output, error) = await ExternalProcess.PythonAsync(Send, RecordTests.Port(fakehttp));
        exit.ShouldBe(0, error);
        output.ShouldBe("200\n");
        await fakehttp.WaitForLineAsync("/big");
        await fakehttp.SignalAsync("TERM");

        (await fakehttp.WaitForExitAsync()).ShouldBe(1);
        fakehttp.Error.ShouldStartWith($"fakehttp: the HAR file '{disk["out.har"]}' could not be written, and any earlier file there was left as it was: No space left on device");
        fakehttp.Error.Count(c => c == '\n').ShouldBe(1, fakehttp.Error);
        fakehttp.Output.ShouldEndWith("Stopped after 1 request(s)\n");
        File.ReadAllText(disk["out.har"]).ShouldBe("the earlier HAR");
        Directory.GetFiles(disk.Path).Select(Path.GetFileName).ShouldBe(["out.har"]);
    }

    [Fact]
    public async Task A_full_temp_folder_answers_507_says_so_and_still_records_the_request_with_its_status()
    {
        using var disk = await ScratchFileSystem.MountAsync(Disk);
        using var dir = new TempDirectory();
        var environment = new Dictionary<string, string?> { ["TMPDIR"] = disk.Path };
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, environment, "--port", "0", "--record", "rec", "--har", "out.har");

        // 3 MiB is over the memory threshold, so the body goes to the temp folder, which holds 1 MiB.
        const string Send = """
            import http.client, sys
            c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]), timeout=60)
            c.request("POST", "/big", body=b"x" * 3 * 1024 * 1024)
            r = c.getresponse(); r.read(); print(r.status)
            c.request("POST", "/small", body=b"fits in memory")
            r = c.getresponse(); r.read(); print(r.status)
            """;
        var (exit, output, error) = await ExternalProcess.PythonAsync(Send, RecordTests.Port(fakehttp));

        exit.ShouldBe(0, error);
        output.ShouldBe("507\n200\n", "the same connection goes on after the 507");
        (await fakehttp.WaitForLineAsync("/big")).ShouldContain("  507  ");
        await fakehttp.WaitForLineAsync("/small");
        fakehttp.Error.ShouldContain("request #1 (POST /big) was answered 507: its body could not be kept in the temp folder");
        Directory.GetFiles(disk.Path, "*.body", SearchOption.AllDirectories).ShouldBeEmpty("the part written before the disk filled is deleted at once");
        await fakehttp.SignalAsync("TERM");

        (await fakehttp.WaitForExitAsync()).ShouldBe(1, "a body was lost, so the run did not record everything");
        var index = File.ReadAllLines(dir["rec/index.jsonl"]).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        index.Select(e => $"{e.GetProperty("path").GetString()} {e.GetProperty("status").GetInt32()} {e.GetProperty("bodyLength").GetInt64()}").ShouldBe(["/big 507 0", "/small 200 14"]);
        using var har = JsonDocument.Parse(File.ReadAllText(dir["out.har"]));
        var entries = har.RootElement.GetProperty("log").GetProperty("entries").EnumerateArray().ToArray();
        entries[0].GetProperty("response").GetProperty("status").GetInt32().ShouldBe(507);
        entries[0].GetProperty("comment").GetString().ShouldBe("The body could not be kept: the temp folder is full or not writable.");
    }
}
