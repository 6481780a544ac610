using System.Diagnostics;
using System.Text;

namespace FakeHttpFixture.Packaging.Tests;

/// <summary>Runs the dotnet CLI as a child process, with output captured and a generous time limit.</summary>
internal static class Dotnet
{
    public static Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        RunCoreAsync("dotnet", workingDirectory, timeout, arguments);

    /// <summary>Runs an installed tool's command, such as the fakehttp shim.</summary>
    public static Task<(int ExitCode, string Output)> RunToolAsync(string executable, TimeSpan timeout, params string[] arguments) =>
        RunCoreAsync(executable, Path.GetDirectoryName(executable)!, timeout, arguments);

    private static async Task<(int ExitCode, string Output)> RunCoreAsync(string fileName, string workingDirectory, TimeSpan timeout, string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The child is a separate build: it must not inherit the MSBuild node or test host settings of this run.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }

        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }
}
