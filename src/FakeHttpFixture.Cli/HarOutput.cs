namespace FakeHttpFixture.Cli;

/// <summary>The <c>--har FILE</c> output: checked writable at start, written whole at stop or not at all.</summary>
internal static class HarOutput
{
    /// <summary>Returns the full path, or throws a <see cref="CliException"/> saying why the file could not be written there.</summary>
    public static string Check(string file)
    {
        var full = Path.GetFullPath(file);
        if (Directory.Exists(full))
        {
            throw new CliException($"--har '{full}' is a directory; give a file name such as requests.har.");
        }

        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            throw new CliException($"--har '{full}': the directory it would go in does not exist. Create it first.");
        }

        // The HAR is written at stop to a temp name beside it and renamed, so that is what must work: the same probe, now.
        var probe = AtomicFile.TempPathFor(full);
        try
        {
            new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose).Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--har '{full}' cannot be written: making a file in '{directory}' failed ({ex.Message.TrimEnd('.')}). Give a file in a directory you can write to.", ex);
        }

        return full;
    }

    /// <summary>Writes the HAR; returns null, or the sentence that says why it could not be written (any earlier file at the path is then left as it was).</summary>
    public static string? Save(HttpFixtureServer server, string har)
    {
        try
        {
            server.SaveHar(har);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The library's sentence names the file again; the cause it wraps is what this line adds.
            return $"the HAR file '{har}' could not be written, and any earlier file there was left as it was: {HarFileTarget.WithoutTempName((ex.InnerException ?? ex).Message)}";
        }
    }
}
