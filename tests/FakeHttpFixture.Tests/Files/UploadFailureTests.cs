using System.Globalization;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Files;

/// <summary>
/// Issue 21, item 4: an upload or delete the disk refuses gets a status that says so, and the journal records the status that
/// went on the wire (it recorded 200 while curl read 500). The disks are real: a tmpfs of 1 MiB, full or remounted read-only.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class UploadFailureTests
{
    [Fact]
    public async Task Put_and_delete_on_a_read_only_tree_are_403_on_the_wire_and_in_the_journal()
    {
        using var disk = await ScratchFileSystem.MountAsync(1024 * 1024);
        await File.WriteAllTextAsync(disk["kept.txt"], "kept", TestContext.Current.CancellationToken);
        await disk.MakeReadOnlyAsync();
        await using var server = HttpFixtureServer.Start(disk.Path, o => o.AcceptUploads = true);

        var put = await CurlStatusAsync("-X", "PUT", "--data-binary", "new", server.Url("new.txt").ToString());
        var replace = await CurlStatusAsync("-X", "PUT", "--data-binary", "changed", server.Url("kept.txt").ToString());
        var delete = await CurlStatusAsync("-X", "DELETE", server.Url("kept.txt").ToString());

        (put, replace, delete).ShouldBe((403, 403, 403));
        server.Requests.Select(r => $"{r.Method} {r.Path} {r.StatusCode}").ShouldBe(["PUT /new.txt 403", "PUT /kept.txt 403", "DELETE /kept.txt 403"]);
        (await File.ReadAllTextAsync(disk["kept.txt"], TestContext.Current.CancellationToken)).ShouldBe("kept");
    }

    [Fact]
    public async Task Put_onto_a_full_disk_is_507_on_the_wire_and_in_the_journal_and_leaves_no_partial_file()
    {
        using var disk = await ScratchFileSystem.MountAsync(1024 * 1024);
        using var source = new TempDirectory();
        var payload = Path.Combine(source.Path, "payload.bin");
        await File.WriteAllBytesAsync(payload, RandomBytes(2 * 1024 * 1024), TestContext.Current.CancellationToken);
        await using var server = HttpFixtureServer.Start(disk.Path, o => o.AcceptUploads = true);

        var status = await CurlStatusAsync("-T", payload, server.Url("big.bin").ToString());
        var after = await CurlStatusAsync("-T", Path.Combine(source.Path, "payload.bin"), server.Url("again.bin").ToString());
        var small = await CurlStatusAsync("-X", "PUT", "--data-binary", "fits", server.Url("small.txt").ToString());

        (status, after, small).ShouldBe((507, 507, 201), "the disk is full for big files only; the server goes on");
        server.Requests.Select(r => r.StatusCode).ShouldBe([507, 507, 201]);
        server.Requests[0].BodyLength.ShouldBe(2 * 1024 * 1024, "the journal kept the whole body, in memory or its temp file");
        Directory.GetFileSystemEntries(disk.Path).Select(Path.GetFileName).ShouldBe(["small.txt"], "no partial upload and no temp file is left behind");
    }

    private static async Task<int> CurlStatusAsync(params string[] arguments)
    {
        var (exit, output, error) = await ExternalProcess.RunAsync("curl", ["-sS", "-o", "/dev/null", "-w", "%{http_code}", .. arguments]);
        exit.ShouldBe(0, error);
        return int.Parse(output, CultureInfo.InvariantCulture);
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(21).NextBytes(bytes);
        return bytes;
    }
}
