namespace FakeHttpFixture.AdapterTests;

/// <summary>
/// How a child test project is run: <c>dotnet test</c> (VSTest) for the frameworks the solution runs, <c>dotnet run</c> for a
/// project on Microsoft.Testing.Platform (TUnit), which VSTest cannot run and whose TRX and filter come from its own options.
/// </summary>
public static class ChildCommand
{
    /// <summary>Returns whether the project runs on Microsoft.Testing.Platform (it references TUnit).</summary>
    public static bool UsesTestingPlatform(string projectPath) =>
        File.ReadAllText(projectPath).Contains("Include=\"TUnit\"", StringComparison.Ordinal);

    /// <summary>Returns the exit code of a run in which some test failed: 1 for <c>dotnet test</c>, 2 for Microsoft.Testing.Platform.</summary>
    public static int TestsFailedExitCode(string projectPath) => UsesTestingPlatform(projectPath) ? 2 : 1;

    /// <summary>Returns the arguments after <c>dotnet</c> that run <paramref name="projectPath"/> with a TRX file in <paramref name="results"/>.</summary>
    public static IEnumerable<string> WithTrx(string projectPath, string configuration, string results) =>
        UsesTestingPlatform(projectPath)
            ? ["run", "--project", projectPath, "-c", configuration, "--property:BuildProjectReferences=false", "--property:RestoreRecursive=false",
                "--", "--report-trx", "--report-trx-filename", "child.trx", "--results-directory", results, "--disable-logo", "--no-progress"]
            : ["test", projectPath, "-c", configuration, "-p:BuildProjectReferences=false", "-p:RestoreRecursive=false",
                "--logger", "trx;LogFileName=child.trx", "--results-directory", results];

    /// <summary>Returns a shell command that runs the one test <paramref name="test"/> of <paramref name="projectPath"/>, already built.</summary>
    public static string OneTest(string projectPath, string configuration, string test) =>
        UsesTestingPlatform(projectPath)
            ? $"dotnet run --project '{projectPath}' -c {configuration} --no-build -- --treenode-filter '/*/*/*/{test}' --disable-logo"
            : $"dotnet test '{projectPath}' -c {configuration} --no-build --filter 'FullyQualifiedName~{test}'";
}
