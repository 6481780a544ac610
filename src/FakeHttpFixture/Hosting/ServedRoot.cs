namespace FakeHttpFixture;

/// <summary>What a server was started to serve: a directory (<paramref name="Directory"/>, which is <paramref name="Temporary"/> when the server made it) or an in-memory tree.</summary>
internal readonly record struct ServedRoot(string? Directory, string? Temporary, FileTree? Files);
