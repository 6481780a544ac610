using System.Text.RegularExpressions;

namespace FakeHttpFixture;

/// <summary>
/// Where <see cref="HttpFixtureServer.SaveHar"/> writes: the folder is made when it is missing (a recording's first run names a
/// fixtures folder that does not exist yet), and a failure names the file and the folder, never the temp file the write goes through.
/// </summary>
internal static partial class HarFileTarget
{
    public static void Write(string path, Action<Stream> write)
    {
        var file = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(file)!;
        if (Directory.Exists(file))
        {
            throw new IOException($"SaveHar cannot write '{file}': it is a folder. Give a file name such as '{Path.Join(file, "recording.har")}'.");
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"SaveHar could not create the folder '{folder}' for '{Path.GetFileName(file)}': {WithoutTempName(ex.Message)} Create the folder, or give a path in a folder you can write to.", ex);
        }

        try
        {
            AtomicFile.Write(file, write);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"SaveHar could not write '{file}': {WithoutTempName(ex.Message)} Check that the disk has room and that the folder '{folder}' can be written to.", ex);
        }
    }

    // The write goes through a hidden temp file beside the target; the system's message names that file, which the caller never asked for.
    internal static string WithoutTempName(string message)
    {
        var text = TempName().Replace(message, string.Empty).Trim();
        return text.Length == 0 || text.EndsWith('.') ? text : text + ".";
    }

    [GeneratedRegex(@"\s*:?\s*'[^']*\.tmp'")]
    private static partial Regex TempName();
}
