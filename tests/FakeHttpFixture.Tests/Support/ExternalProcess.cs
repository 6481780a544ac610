using System.Diagnostics;

namespace FakeHttpFixture.Tests.Support;

/// <summary>Runs an outside client (curl, python3) as a child process and returns what it printed.</summary>
internal static class ExternalProcess
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string fileName, params string[] arguments) =>
        RunAsync(TimeSpan.FromSeconds(60), fileName, arguments);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(TimeSpan timeLimit, string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(timeLimit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {timeLimit.TotalSeconds} s.");
        }

        return (process.ExitCode, await output, await error);
    }

    public static Task<(int ExitCode, string Output, string Error)> PythonAsync(string script, params string[] arguments) =>
        RunAsync("python3", ["-c", script, .. arguments]);
}
