namespace FakeHttpFixture;

/// <summary>
/// Writes a file whole or not at all: to a temp name beside it, then renamed over it. A write that fails part-way (a full disk,
/// a killed process) leaves the file that was there before, never half of a new one, and removes its temp file.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Returns the temp name a write to <paramref name="path"/> uses: hidden, beside it, on the same file system, so the rename is atomic.</summary>
    public static string TempPathFor(string path)
    {
        var full = Path.GetFullPath(path);
        return Path.Join(Path.GetDirectoryName(full), $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>; the file appears only once the whole content is on disk.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var temp = TempPathFor(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                write(stream);

                // Flushed to the device before the rename, or a crash could leave the new name over an empty file.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Deletes a file if it is there, without letting a failure to do so hide the error that made it a leftover.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temp file is hidden (its name starts with a dot) and holds nothing the caller was promised.
        }
    }
}
