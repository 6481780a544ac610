using System.Net;

namespace FakeHttpFixture;

/// <summary>WireMock stub mappings and WireMock's admin API for a FakeHttpFixture server.</summary>
public static class WireMockOptionsExtensions
{
    /// <summary>
    /// Loads WireMock stub mappings from <paramref name="rootDir"/><c>/mappings/**/*.json</c> (one mapping, or <c>{ "mappings": [...] }</c>
    /// per file) with bodies from <paramref name="rootDir"/><c>/__files/</c>, as WireMock's <c>--root-dir</c> does. They answer right
    /// after the test's own stubs; what no mapping matches goes on to the served files and then answers 404, as in WireMock. A file that
    /// is not JSON, or uses a word this package does not know, fails the start with a <see cref="WireMockMappingException"/>.
    /// </summary>
    /// <param name="options">The options.</param>
    /// <param name="rootDir">The directory that holds mappings/ and __files/.</param>
    /// <returns>The options.</returns>
    public static HttpFixtureOptions LoadWireMockMappings(this HttpFixtureOptions options, string rootDir)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(rootDir);
        var mappings = MappingFiles.Load(rootDir);
        var files = MappingFiles.FilesRoot(rootDir);
        options.FallbackStatusCode = 404;
        return options.OnServerStarted(server =>
        {
            var state = WireMockState.For(server);
            state.FilesRoot = files;
            state.SetDefaults(mappings);
        });
    }

    /// <summary>
    /// Serves WireMock's admin API under <c>/__admin/</c> on the server's port (mappings, the request journal, scenarios, reset), so a
    /// WireMock client in any language can drive the server; its own requests are never in the journal. It is open to whoever can
    /// reach the port, so a server bound to anything but loopback refuses to start: give it a token with
    /// <see cref="EnableAdminApi(HttpFixtureOptions, string)"/>.
    /// </summary>
    /// <param name="options">The options.</param>
    /// <returns>The options.</returns>
    public static HttpFixtureOptions EnableAdminApi(this HttpFixtureOptions options) => Enable(options, null);

    /// <summary>Serves WireMock's admin API as <see cref="EnableAdminApi(HttpFixtureOptions)"/> does, to requests that send <c>Authorization: Bearer</c> <paramref name="bearerToken"/> only.</summary>
    /// <param name="options">The options.</param>
    /// <param name="bearerToken">The token clients must send.</param>
    /// <returns>The options.</returns>
    public static HttpFixtureOptions EnableAdminApi(this HttpFixtureOptions options, string bearerToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bearerToken);
        return Enable(options, bearerToken);
    }

    private static HttpFixtureOptions Enable(HttpFixtureOptions options, string? token)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.FallbackStatusCode = 404;
        return options.OnServerStarted(server =>
        {
            if (token is null && !IPAddress.IsLoopback(options.BindAddress))
            {
                throw new InvalidOperationException($"The WireMock admin API would be open to anyone who can reach {options.BindAddress}: give it a bearer token (EnableAdminApi(token), fakehttp --admin-token), or bind to loopback.");
            }

            var state = WireMockState.For(server);
            server.MapOwnPages("/__admin", new AdminApi(server, state, token).HandleAsync);
        });
    }
}
