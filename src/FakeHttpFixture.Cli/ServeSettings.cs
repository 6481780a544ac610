using System.Net;

namespace FakeHttpFixture.Cli;

/// <summary>What the command line asked for, parsed and checked for form (not yet against the file system).</summary>
internal sealed record ServeSettings(
    string Directory,
    int Port,
    IPAddress BindAddress,
    bool Https,
    string? RecordDirectory,
    string? HarFile,
    bool AcceptUploads,
    bool Cors,
    bool Quiet,
    Uri? ProxyUrl = null,
    string? ReplayFile = null,
    bool DirectoryGiven = true,
    bool Inspector = true)
{
    /// <summary>Gets the WireMock root directory given with --mappings, or null.</summary>
    public string? MappingsRoot { get; init; }

    /// <summary>Gets a value indicating whether --admin serves WireMock's admin API.</summary>
    public bool Admin { get; init; }

    /// <summary>Gets the bearer token the admin API requires (--admin-token), or null.</summary>
    public string? AdminToken { get; init; }
}
