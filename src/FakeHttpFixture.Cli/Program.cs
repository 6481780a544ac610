using System.CommandLine;

namespace FakeHttpFixture.Cli;

/// <summary>The entry point of <c>fakehttp</c>: parse the command line, then serve until Ctrl+C or SIGTERM.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var command = new FakehttpCommand();
        var parse = command.Root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // System.CommandLine would print every error and the whole help; a script wants one line that says what to fix.
            return Failure.Report($"{parse.Errors[0].Message} Run 'fakehttp --help' for the options.", Failure.UsageExitCode);
        }

        try
        {
            // Signals are ours (ShutdownSignal), so System.CommandLine must not install its own handler.
            var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(invocation).ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            return Failure.Report(ex.Message, Failure.ErrorExitCode);
        }
#pragma warning disable CA1031 // The last resort: a user gets one line, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Failure.Report($"unexpected {ex.GetType().Name}: {ex.Message}", Failure.ErrorExitCode);
        }
    }
}
