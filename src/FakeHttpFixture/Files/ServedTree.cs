namespace FakeHttpFixture;

/// <summary>
/// The tree a server serves (a directory or a <see cref="FileTree"/>), built once at start and handed to every stage that reads
/// or writes files: static files, uploads, and stubs that answer with a file. Paths are relative, use '/', and have already
/// passed <see cref="RequestPath"/>: no empty, dot or hostile segment reaches here.
/// </summary>
internal abstract class ServedTree(ContentTypeMap contentTypes)
{
    /// <summary>Gets the server's extension table, so every stage types a file the same way.</summary>
    public ContentTypeMap ContentTypes { get; } = contentTypes;

    /// <summary>Looks a path up: a file (returned), a directory, or nothing. Only regular files and directories count.</summary>
    public abstract ServedKind Find(string relative, out ServedFile? file);

    /// <summary>Returns the entries of a directory, or null when it is gone.</summary>
    public abstract List<ListingEntry>? List(string relative);

    /// <summary>Stores the body of <paramref name="content"/> as the file at <paramref name="relative"/>, streamed, without a second copy in memory.</summary>
    public abstract ValueTask<UploadOutcome> PutAsync(string relative, RecordedRequest content, CancellationToken cancellationToken);

    /// <summary>Removes the file at <paramref name="relative"/>.</summary>
    public abstract UploadOutcome Delete(string relative);

    /// <summary>Returns whether a path that a test names (a stubbed file) may be looked up: relative, no empty, dot or hostile segment.</summary>
    public static bool IsPlainRelativePath(string relative)
    {
        if (relative.Length == 0)
        {
            return false;
        }

        foreach (var range in relative.AsSpan().Split('/'))
        {
            var segment = relative.AsSpan()[range];
            if (segment is "." or ".." || !RequestPath.IsServableSegment(segment))
            {
                return false;
            }
        }

        return true;
    }
}
