namespace FakeHttpFixture;

/// <summary>What a path names in the served tree.</summary>
internal enum ServedKind
{
    Missing,
    File,
    Directory,
}

/// <summary>What an upload or delete did.</summary>
internal enum UploadOutcome
{
    Created,
    Replaced,
    Deleted,
    NotFound,
    Conflict,
    Refused,
}

/// <summary>One line of a directory listing.</summary>
internal readonly record struct ListingEntry(string Name, bool IsDirectory, long Length, DateTimeOffset LastModified);

/// <summary>
/// The served tree (a directory or a <see cref="FileTree"/>) as the file and upload responders use it. Paths are relative, use '/',
/// and have already passed <see cref="RequestPath"/>: no empty, dot or hostile segment reaches here.
/// </summary>
internal interface IServedTree
{
    ServedKind Find(string relative, out ServedFile? file);

    /// <summary>Returns the entries of a directory, or null when it is gone.</summary>
    List<ListingEntry>? List(string relative);

    ValueTask<UploadOutcome> PutAsync(string relative, byte[] content, CancellationToken cancellationToken);

    UploadOutcome Delete(string relative);
}
