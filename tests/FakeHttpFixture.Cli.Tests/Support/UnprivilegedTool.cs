using System.Runtime.Versioning;

namespace FakeHttpFixture.Cli.Tests.Support;

/// <summary>
/// Where a test that drops to another user (setpriv to uid 65534, as root) finds fakehttp: the build beside the tests when every
/// directory above it lets others through, else a copy in the temp directory that does. A checkout in root's 0700 home, or in a
/// <c>mktemp -d</c> folder, would otherwise fail with "realpath(.../fakehttp.dll) failed: Permission denied".
/// </summary>
internal static class UnprivilegedTool
{
    private static readonly Lazy<string> Copy = new(() => OperatingSystem.IsWindows() ? FakehttpProcess.ToolPath : Reachable(FakehttpProcess.ToolPath));

    /// <summary>Gets the fakehttp.dll another user can run.</summary>
    public static string Path => Copy.Value;

    /// <summary>Returns <paramref name="tool"/> when others can reach it, else the path of a copy of its directory that they can.</summary>
    [UnsupportedOSPlatform("windows")]
    public static string Reachable(string tool)
    {
        if (OthersCanReach(tool))
        {
            return tool;
        }

        var source = System.IO.Path.GetDirectoryName(tool)!;
        // The temp directory may itself be out of reach (TMPDIR in a home directory); /tmp is not, on Linux.
        var temp = System.IO.Path.GetTempPath();
        var parent = Traversable(temp) ? temp : "/tmp";
        var target = Directory.CreateDirectory(System.IO.Path.Combine(parent, "fakehttp-tool-" + Guid.NewGuid().ToString("N"))).FullName;
        File.SetUnixFileMode(target, (UnixFileMode)0b111_101_101);
        foreach (var directory in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
        {
            var copy = Directory.CreateDirectory(System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, directory))).FullName;
            File.SetUnixFileMode(copy, (UnixFileMode)0b111_101_101);
        }

        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(source, file));
            File.Copy(file, copy);
            File.SetUnixFileMode(copy, (UnixFileMode)0b110_100_100);
        }

        // Left for the test process's end: another test may still be running it.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(target);
        var copied = System.IO.Path.Combine(target, System.IO.Path.GetFileName(tool));
        OthersCanReach(copied).ShouldBeTrue($"A copy of fakehttp in '{target}' is still out of reach of other users: neither the temp directory nor /tmp is traversable. Set TMPDIR to one that is.");
        return copied;
    }

    /// <summary>Returns whether a user who is neither the owner nor in the group can walk down to <paramref name="file"/> and read it.</summary>
    [UnsupportedOSPlatform("windows")]
    public static bool OthersCanReach(string file)
    {
        if (!File.Exists(file) || (File.GetUnixFileMode(file) & UnixFileMode.OtherRead) == 0)
        {
            return false;
        }

        return Traversable(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file))!);
    }

    [UnsupportedOSPlatform("windows")]
    private static bool Traversable(string path)
    {
        for (var directory = new DirectoryInfo(path); directory is not null; directory = directory.Parent)
        {
            if (!directory.Exists || (directory.UnixFileMode & UnixFileMode.OtherExecute) == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A copy left in the temp directory is harmless.
        }
    }
}
