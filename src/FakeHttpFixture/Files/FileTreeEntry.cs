namespace FakeHttpFixture;

/// <summary>One file of a <see cref="FileTree"/>: its bytes and when it was added.</summary>
internal sealed record FileTreeEntry(byte[] Content, DateTimeOffset LastModified);
