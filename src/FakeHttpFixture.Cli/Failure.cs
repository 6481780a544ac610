namespace FakeHttpFixture.Cli;

/// <summary>Reports why fakehttp cannot go on: one line on stderr and a non-zero exit code.</summary>
internal static class Failure
{
    /// <summary>The exit code for something that went wrong while serving: a port in use, a missing directory.</summary>
    public const int ErrorExitCode = 1;

    /// <summary>The exit code for a command line that does not parse, as for Python's argparse.</summary>
    public const int UsageExitCode = 2;

    public static int Report(string message, int exitCode)
    {
        Console.Error.WriteLine("fakehttp: " + OneLine(message));
        return exitCode;
    }

    public static void Warn(string message) => Console.Error.WriteLine("fakehttp: warning: " + OneLine(message));

    // Scripts read the error as one line; an exception message from below may hold line breaks.
    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
