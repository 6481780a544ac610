using System.Globalization;

[assembly: AssemblyFixture(typeof(FakeHttpFixture.Packaging.Tests.PackageFeedFixture))]

namespace FakeHttpFixture.Packaging.Tests;

/// <summary>Packs the solution once per test run (an assembly fixture: every test class shares it), from the Release build the test run has just made, into a local feed.</summary>
public sealed class PackageFeedFixture : IAsyncLifetime
{
    public string Feed { get; } = Directory.CreateTempSubdirectory("fakehttp-feed-").FullName;

    // A version no registry has, new for every run, so a package cache can never serve an older build.
    public string Version { get; } = "0.0.0-install." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    public string PackOutput { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var (exit, output) = await Dotnet.RunAsync(RepositoryRoot.Path, TimeSpan.FromMinutes(5),
            "pack", "FakeHttpFixture.sln", "-c", "Release", "--no-build", "-o", Feed, $"-p:Version={Version}");
        PackOutput = output;
        exit.ShouldBe(0, $"dotnet pack failed:\n{output}");
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Feed, recursive: true);
        return ValueTask.CompletedTask;
    }
}
