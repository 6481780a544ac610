using System.Diagnostics;
using System.Reflection;
using System.Xml.Linq;

namespace FakeHttpFixture.AdapterTests;

/// <summary>
/// Runs a deliberately failing test project (tests/FailingProjects/*, outside the solution) as a child <c>dotnet test</c> (or
/// <c>dotnet run</c> on Microsoft.Testing.Platform, <see cref="ChildCommand"/>) with a
/// TRX logger, so that the adapter tests can read what the framework itself reported: outcome, message, output, attachments.
/// </summary>
public sealed class ChildTestRun
{
    private static readonly TimeSpan HangBound = TimeSpan.FromMinutes(5);

    private ChildTestRun(string console, IReadOnlyList<ChildTestResult> results)
    {
        Console = console;
        Results = results;
    }

    public string Console { get; }

    public IReadOnlyList<ChildTestResult> Results { get; }

    public ChildTestResult Result(string testMethod) =>
        Results.SingleOrDefault(r => r.TestName.EndsWith(testMethod, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"The child run reported no test named {testMethod}. It reported: {string.Join(", ", Results.Select(r => r.TestName))}.\n{Console}");

    public static async Task<ChildTestRun> RunAsync(string project)
    {
        var root = FakeHttpFixture.Tests.Support.RepositoryRoot.Path;
        var results = Directory.CreateTempSubdirectory("fakehttp-child-");
        try
        {
            // The solution run has already built the adapters in this configuration; building them again from several
            // child runs at once would race on their obj folders.
            var configuration = typeof(ChildTestRun).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            // In a session of its own (setsid) the run has no terminal, so FAKEHTTP_KEEP_ON_FAILURE, set here, must not make a
            // failed test wait: a wait would hold the run past HangBound. Without setsid the variable stays unset.
            var detached = File.Exists("/usr/bin/setsid");
            var start = new ProcessStartInfo(detached ? "/usr/bin/setsid" : "dotnet")
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
            };
            foreach (var argument in (detached ? new[] { "--wait", "dotnet" } : []).Concat(ChildCommand.WithTrx(Path.Combine(root, project), configuration, results.FullName)))
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || k.StartsWith("FAKEHTTP_", StringComparison.Ordinal) || k == "CI").ToList())
            {
                start.Environment.Remove(name);
            }

            if (detached)
            {
                start.Environment["FAKEHTTP_KEEP_ON_FAILURE"] = "1";
            }

            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using (var timeout = new CancellationTokenSource(HangBound))
            {
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException($"The child test run of {project} did not end within {HangBound}.");
                }
            }

            var console = await stdout + await stderr;
            var trx = Path.Combine(results.FullName, "child.trx");
            if (!File.Exists(trx))
            {
                throw new InvalidOperationException($"The child test run of {project} wrote no TRX file (exit code {process.ExitCode}):\n{console}");
            }

            return new ChildTestRun(console, ReadTrx(trx, results.FullName));
        }
        finally
        {
            results.Delete(recursive: true);
        }
    }

    private static List<ChildTestResult> ReadTrx(string trx, string resultsDirectory)
    {
        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        var files = Directory.EnumerateFiles(resultsDirectory, "*", SearchOption.AllDirectories).Where(f => f != trx).ToList();
        return XDocument.Load(trx).Descendants(ns + "UnitTestResult").Select(result =>
        {
            var output = result.Element(ns + "Output");
            // A result file's path is relative to the run's In/<executionId>/ folder.
            var executionId = (string)result.Attribute("executionId")!;
            var attachments = result.Descendants(ns + "ResultFile")
                .Select(f => Path.Combine("In", executionId, (string)f.Attribute("path")!))
                .Select(relative => files.FirstOrDefault(f => f.EndsWith(relative, StringComparison.Ordinal)))
                .Where(f => f is not null)
                .Select(f => new ChildAttachment(Path.GetFileName(f!), File.ReadAllText(f!)))
                .ToList();
            return new ChildTestResult(
                (string)result.Attribute("testName")!,
                (string)result.Attribute("outcome")!,
                (string?)output?.Element(ns + "ErrorInfo")?.Element(ns + "Message") ?? string.Empty,
                (string?)output?.Element(ns + "StdOut") ?? string.Empty,
                attachments);
        }).ToList();
    }

}

public sealed record ChildTestResult(string TestName, string Outcome, string Message, string StdOut, IReadOnlyList<ChildAttachment> Attachments);

public sealed record ChildAttachment(string FileName, string Content);
