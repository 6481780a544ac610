using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace FakeHttpFixture.AdapterTests;

/// <summary>
/// Runs one test of a deliberately failing project (tests/FailingProjects/*) as a child <c>dotnet test</c> in a pseudo-terminal,
/// made by util-linux's <c>script</c>, as a developer would run it in a terminal; when the adapter keeps the failed test's server up
/// (FAKEHTTP_KEEP_ON_FAILURE), curl fetches a file from it, and then Enter is typed into the terminal to let the run go on.
/// </summary>
public sealed partial class TerminalTestRun
{
    private const string Test = "Fails_after_two_requests";
    private static readonly TimeSpan HangBound = TimeSpan.FromMinutes(5);

    private TerminalTestRun(string terminal, int exitCode, string? keptAt, string? fetched, int? fetchAfterwardsExitCode)
    {
        Terminal = terminal;
        ExitCode = exitCode;
        KeptAt = keptAt;
        Fetched = fetched;
        FetchAfterwardsExitCode = fetchAfterwardsExitCode;
    }

    /// <summary>Gets everything the terminal showed.</summary>
    public string Terminal { get; }

    public int ExitCode { get; }

    /// <summary>Gets the exit code of a run in which a test failed, which depends on the test platform (<see cref="ChildCommand"/>).</summary>
    public int TestsFailedExitCode { get; private init; } = 1;

    /// <summary>Gets the address the adapter said it kept the server at, or null when it kept none.</summary>
    public string? KeptAt { get; }

    /// <summary>Gets what curl fetched from the kept server (hello.txt).</summary>
    public string? Fetched { get; }

    /// <summary>Gets curl's exit code for the same fetch once the run had ended: 7 when nothing listens any more.</summary>
    public int? FetchAfterwardsExitCode { get; }

    /// <summary>Runs the failing test of <paramref name="project"/> with <paramref name="environment"/> set; built already by the project's <see cref="ChildTestRun"/>.</summary>
    public static async Task<TerminalTestRun> RunAsync(string project, IReadOnlyDictionary<string, string> environment)
    {
        var root = FakeHttpFixture.Tests.Support.RepositoryRoot.Path;
        var configuration = typeof(TerminalTestRun).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var command = ChildCommand.OneTest(Path.Combine(root, project), configuration, Test);
        var start = new ProcessStartInfo("script")
        {
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "--quiet", "--return", "--command", command, "/dev/null" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || k.StartsWith("FAKEHTTP_", StringComparison.Ordinal) || k == "CI").ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var terminal = new StringBuilder();
        var keptAt = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = ReadAsync(process.StandardOutput, terminal, keptAt);
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(HangBound);
        string? url = null;
        string? fetched = null;
        try
        {
            var exited = process.WaitForExitAsync(timeout.Token);
            if (await Task.WhenAny(keptAt.Task, exited) == keptAt.Task)
            {
                url = await keptAt.Task;
                var (_, body, _) = await CurlAsync(url + "hello.txt");
                fetched = body;
                await process.StandardInput.WriteAsync("\n");
                await process.StandardInput.FlushAsync();
            }

            await exited;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The child test run of {project} in a terminal did not end within {HangBound}:\n{terminal}");
        }

        await reading;
        terminal.Append(await errors);
        int? afterwards = url is null ? null : (await CurlAsync(url + "hello.txt")).ExitCode;
        return new TerminalTestRun(terminal.ToString(), process.ExitCode, url, fetched, afterwards) { TestsFailedExitCode = ChildCommand.TestsFailedExitCode(Path.Combine(root, project)) };
    }

    private static async Task ReadAsync(StreamReader output, StringBuilder terminal, TaskCompletionSource<string> keptAt)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await output.ReadAsync(buffer)) > 0)
        {
            lock (terminal)
            {
                terminal.Append(buffer, 0, read);
                if (!keptAt.Task.IsCompleted && KeptAddress().Match(terminal.ToString()) is { Success: true } match)
                {
                    keptAt.TrySetResult(match.Groups["url"].Value);
                }
            }
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> CurlAsync(string url)
    {
        var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-sS", "--max-time", "30", url })
        {
            start.ArgumentList.Add(argument);
        }

        using var curl = Process.Start(start)!;
        var output = curl.StandardOutput.ReadToEndAsync();
        var error = curl.StandardError.ReadToEndAsync();
        await curl.WaitForExitAsync();
        return (curl.ExitCode, await output, await error);
    }

    [GeneratedRegex(@"stays up at (?<url>http://127\.0\.0\.1:\d+/)")]
    private static partial Regex KeptAddress();
}
