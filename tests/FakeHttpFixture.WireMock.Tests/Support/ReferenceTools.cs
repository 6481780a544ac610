namespace FakeHttpFixture.WireMock.Tests.Support;

/// <summary>
/// Finds what .ci/install-prereqs installs for these tests with npm into tests/FakeHttpFixture.WireMock.Tests/tools/node_modules
/// (git-ignored): the WireMock 3.13.2 standalone jar and the wiremock-rest-client package. FAKEHTTP_WIREMOCK_TOOLS may name
/// another node_modules directory.
/// </summary>
internal static class ReferenceTools
{
    public const string JarName = "wiremock-standalone-3.13.2.jar";

    public static string? NodeModules { get; } = Find();

    public static string? Jar => NodeModules is { } modules && Path.Combine(modules, "wiremock", "build", JarName) is var jar && File.Exists(jar) ? jar : null;

    public static string? RestClient => NodeModules is { } modules && Path.Combine(modules, "wiremock-rest-client") is var dir && Directory.Exists(dir) ? dir : null;

    public static string MissingReason(string what) =>
        $"{what} is not installed: run `bash .ci/install-prereqs` (it runs npm install in tests/FakeHttpFixture.WireMock.Tests/tools).";

    public static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("FAKEHTTP_WIREMOCK_TOOLS") is { Length: > 0 } given && Directory.Exists(given))
        {
            return given;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "FakeHttpFixture.WireMock.Tests", "tools", "node_modules");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
