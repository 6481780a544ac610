using System.Net;

namespace FakeHttpFixture.Cli;

/// <summary>The WireMock flags: --mappings ROOT, --admin and --admin-token, checked before start and applied to the options.</summary>
internal static class WireMockSetup
{
    public static void Check(ServeSettings settings)
    {
        if (settings.AdminToken is not null && !settings.Admin)
        {
            throw new CliException("--admin-token protects the admin API, which only --admin serves: add --admin, or leave out --admin-token.");
        }

        if (settings.Admin && settings.AdminToken is null && !IPAddress.IsLoopback(settings.BindAddress))
        {
            throw new CliException($"--admin on {settings.BindAddress} would let anyone who can reach this machine change the stubs and read every request: give --admin-token TOKEN (clients then send Authorization: Bearer TOKEN), or leave out --bind to stay on 127.0.0.1.");
        }

        if (settings.MappingsRoot is { } root && !Directory.Exists(root))
        {
            throw new CliException($"--mappings '{Path.GetFullPath(root)}' is not a directory: give the WireMock root directory, the one that holds mappings/ and __files/.");
        }
    }

    public static void Configure(HttpFixtureOptions options, ServeSettings settings, bool servesDirectory)
    {
        if (settings.MappingsRoot is { } root)
        {
            options.LoadWireMockMappings(root);
        }

        if (settings.Admin)
        {
            _ = settings.AdminToken is { } token ? options.EnableAdminApi(token) : options.EnableAdminApi();
        }

        if (!servesDirectory && (settings.MappingsRoot is not null || settings.Admin))
        {
            // Nothing but stubs: an unmatched GET / answers 404 as in WireMock, not an empty listing.
            options.DirectoryListing = false;
        }
    }

    public static string? Describe(ServeSettings settings) =>
        settings.MappingsRoot is { } root ? $"WireMock mappings from {Path.GetFullPath(root)}" : settings.Admin ? "WireMock stubs from the admin API" : null;

    public static void Announce(ConsoleLog log, ServeSettings settings, HttpFixtureServer server)
    {
        if (settings.MappingsRoot is { } root)
        {
            log.Line($"Answering with the WireMock mappings in {Path.Combine(Path.GetFullPath(root), "mappings")} (bodies from __files)");
        }

        if (settings.Admin)
        {
            log.Line($"WireMock admin API at {server.BaseAddress}__admin/{(settings.AdminToken is null ? string.Empty : " (Authorization: Bearer token required)")}");
        }
    }
}
