using FakeHttpFixture.Tests.Reliability;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Files;

/// <summary>
/// Issue 21, item 4: a PUT beyond 2 GiB was 500 on the wire, 200 in the journal, and not stored. It writes gigabytes, so it
/// runs alone, after the parallel tests, rather than slow down their disk.
/// </summary>
[Trait("Category", "Reliability")]
[Collection(SoakCollection.Name)]
public sealed class LargeUploadTests
{
    [Fact]
    public async Task A_put_beyond_2_GiB_from_curl_is_stored_and_recorded_with_the_status_on_the_wire()
    {
        // Sparse, so the test writes only what the server stores: 2 GiB and 1 MiB, past what one array or an int holds.
        const long Size = (2L * 1024 * 1024 * 1024) + (1024 * 1024);

        // The spilled body and the stored file both go to the temp folder's disk, with room to spare for the rest of the suite.
        var needed = (2 * Size) + (512L * 1024 * 1024);
        var free = new DriveInfo(Path.GetTempPath()).AvailableFreeSpace;
        Assert.SkipWhen(free < needed, $"The temp folder's disk has {free / (1024 * 1024)} MiB free; this test needs {needed / (1024 * 1024)} MiB (a 2 GiB body spilled, then stored).");
        using var dir = new TempDirectory();
        using var source = new TempDirectory();
        var payload = Path.Combine(source.Path, "huge.bin");
        await using (var file = File.Create(payload))
        {
            file.SetLength(Size);
            file.Position = Size - 5;
            await file.WriteAsync("last!"u8.ToArray(), TestContext.Current.CancellationToken);
        }

        await using var server = HttpFixtureServer.Start(dir.Path, o => o.AcceptUploads = true);

        // Minutes, not seconds: 4 GiB go to disk (the spilled body, then the stored file) on a machine other tests share.
        var (exit, output, error) = await ExternalProcess.RunAsync(TimeSpan.FromMinutes(5), "curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-T", payload, server.Url("huge.bin").ToString());
        exit.ShouldBe(0, error);
        var status = int.Parse(output, System.Globalization.CultureInfo.InvariantCulture);

        status.ShouldBe(201);
        var request = server.Requests.ShouldHaveSingleItem();
        request.StatusCode.ShouldBe(201);
        request.BodyLength.ShouldBe(Size);
        request.BodySpilled.ShouldBeTrue();
        var stored = new FileInfo(Path.Combine(dir.Path, "huge.bin"));
        stored.Length.ShouldBe(Size);
        await using (var read = stored.OpenRead())
        {
            var tail = new byte[5];
            read.Position = Size - 5;
            await read.ReadExactlyAsync(tail, TestContext.Current.CancellationToken);
            tail.ShouldBe("last!"u8.ToArray());
        }
    }
}
