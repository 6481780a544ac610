namespace FakeHttpFixture;

/// <summary>Deletes a directory the server made (a temp root, a spill directory) without letting a file still held open make dispose throw.</summary>
internal static class DirectoryCleanup
{
    public static void TryDelete(string? directory)
    {
        if (directory is null)
        {
            return;
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file held open elsewhere (a test still reading it) must not make dispose throw; the OS temp cleaner gets the rest.
        }
    }
}
