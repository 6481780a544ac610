using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Recording;

/// <summary>Issue 21, item 6: SaveHar writes the whole file or nothing; a full disk used to leave the earlier file destroyed.</summary>
[Trait("Category", "Reliability")]
public sealed class HarFileTests
{
    [Fact]
    public async Task SaveHar_onto_a_full_disk_throws_and_leaves_the_earlier_file_and_no_temp_file()
    {
        using var disk = await ScratchFileSystem.MountAsync(1024 * 1024);
        var har = disk["journal.har"];
        await File.WriteAllTextAsync(har, "the earlier HAR", TestContext.Current.CancellationToken);
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var source = new TempDirectory();
        var body = new byte[1024 * 1024];
        new Random(6).NextBytes(body);
        var bodyFile = Path.Combine(source.Path, "body.bin");
        await File.WriteAllBytesAsync(bodyFile, body, TestContext.Current.CancellationToken);
        var (exit, _, error) = await ExternalProcess.PythonAsync(
            "import http.client, sys; c = http.client.HTTPConnection('127.0.0.1', int(sys.argv[1]), timeout=30); c.request('POST', '/big', body=open(sys.argv[2], 'rb').read()); print(c.getresponse().status)",
            server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), bodyFile);
        exit.ShouldBe(0, error);

        // The body goes into the HAR as base64, 1.4 MB: more than the disk holds.
        var failure = Should.Throw<IOException>(() => server.SaveHar(har));

        failure.Message.ShouldContain("No space left on device");
        failure.Message.ShouldStartWith($"SaveHar could not write '{har}': ");
        failure.Message.ShouldNotContain(".tmp", customMessage: "the message names the file asked for, not the temp file the write goes through");
        (await File.ReadAllTextAsync(har, TestContext.Current.CancellationToken)).ShouldBe("the earlier HAR");
        Directory.GetFiles(disk.Path).Select(Path.GetFileName).ShouldBe(["journal.har"]);
    }

    [Fact]
    public async Task SaveHar_replaces_an_earlier_file_whole()
    {
        using var temp = new TempDirectory();
        var har = temp.Write("journal.har", "the earlier HAR, longer than the new one would need to be to leave a tail behind if it were overwritten in place");
        await using var server = HttpFixtureServer.Start(new FileTree());

        server.SaveHar(har);

        using var document = System.Text.Json.JsonDocument.Parse(await File.ReadAllBytesAsync(har, TestContext.Current.CancellationToken));
        document.RootElement.GetProperty("log").GetProperty("entries").GetArrayLength().ShouldBe(0);
        Directory.GetFiles(temp.Path).Select(Path.GetFileName).ShouldBe(["journal.har"]);
    }
}
