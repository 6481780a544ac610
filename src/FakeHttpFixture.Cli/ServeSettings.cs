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
    bool Inspector = true);
