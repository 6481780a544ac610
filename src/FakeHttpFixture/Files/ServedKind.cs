namespace FakeHttpFixture;

/// <summary>What a path names in the served tree.</summary>
internal enum ServedKind
{
    Missing,
    File,
    Directory,
}
