namespace FakeHttpFixture;

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
