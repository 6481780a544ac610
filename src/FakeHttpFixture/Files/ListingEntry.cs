namespace FakeHttpFixture;

/// <summary>One line of a directory listing.</summary>
internal readonly record struct ListingEntry(string Name, bool IsDirectory, long Length, DateTimeOffset LastModified);
