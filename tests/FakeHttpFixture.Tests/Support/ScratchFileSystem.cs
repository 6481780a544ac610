namespace FakeHttpFixture.Tests.Support;

/// <summary>
/// A small tmpfs of its own, for tests of a full or read-only disk that must not fill or lock the real one. Mounting needs root
/// on Linux; where that is not possible the test is skipped with the reason, never passed.
/// </summary>
internal sealed class ScratchFileSystem : IDisposable
{
    private ScratchFileSystem(string path) => Path = path;

    public string Path { get; }

    public string this[string relativePath] => System.IO.Path.Combine(Path, relativePath);

    /// <summary>Mounts a tmpfs of <paramref name="bytes"/> bytes that everyone may write to, or skips the test when this machine does not let it.</summary>
    public static async Task<ScratchFileSystem> MountAsync(long bytes)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess, "A full or read-only disk is tested on a tmpfs of its own, and mounting one needs root on Linux.");
        var path = Directory.CreateTempSubdirectory("fakehttp-scratch-").FullName;
        var (exit, _, error) = await ExternalProcess.RunAsync("mount", "-t", "tmpfs", "-o", $"size={bytes},mode=0777", "tmpfs", path);
        if (exit != 0)
        {
            Directory.Delete(path);
            Assert.Skip($"This machine does not let the tests mount a tmpfs: {error.Trim()}");
        }

        return new ScratchFileSystem(path);
    }

    /// <summary>Remounts the file system read-only: every write fails with EROFS, also for root, unlike a chmod.</summary>
    public async Task MakeReadOnlyAsync()
    {
        var (exit, _, error) = await ExternalProcess.RunAsync("mount", "-o", "remount,ro", Path);
        exit.ShouldBe(0, error);
    }

    /// <summary>Returns the bytes left free on the file system.</summary>
    public long FreeBytes => new DriveInfo(Path).AvailableFreeSpace;

    public void Dispose()
    {
        // Lazy, so a file a failed test still holds open cannot keep the mount (and the test run) hanging.
        using (var umount = System.Diagnostics.Process.Start("umount", ["-l", Path]))
        {
            umount.WaitForExit(30_000);
        }

        try
        {
            Directory.Delete(Path);
        }
        catch (IOException)
        {
        }
    }
}
