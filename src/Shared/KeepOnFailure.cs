using System.Globalization;
using System.Runtime.InteropServices;

namespace FakeHttpFixture;

/// <summary>
/// Keeps a failed test's server serving, so that a developer can curl it or open it in a browser, as Go's httptest can: with
/// FAKEHTTP_KEEP_ON_FAILURE=1 the adapter turns the server's inspector on, prints the server's and the inspector's addresses and the journal on the terminal and waits for Enter, Ctrl+C or a
/// timeout (FAKEHTTP_KEEP_TIMEOUT seconds, 600 by default) before it stops the server. It never waits under CI=true or without
/// a terminal to press Enter on, unless FAKEHTTP_KEEP_ON_FAILURE_FORCE=1 says so (then only the timeout or Ctrl+C ends the wait).
/// </summary>
internal static class KeepOnFailure
{
    public const string Variable = "FAKEHTTP_KEEP_ON_FAILURE";
    public const string ForceVariable = "FAKEHTTP_KEEP_ON_FAILURE_FORCE";
    public const string TimeoutVariable = "FAKEHTTP_KEEP_TIMEOUT";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    // Tests of one process fail and wait one at a time, so that their prompts and Enter presses do not mix.
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>Waits, serving, while the developer looks at the failed test's server; returns at once when nobody asked for it or nobody could answer.</summary>
    public static async Task HoldAsync(HttpFixtureServer server, string test)
    {
        if (!IsOn(Variable))
        {
            return;
        }

        var forced = IsOn(ForceVariable);
        if (!forced && IsOn("CI"))
        {
            return;
        }

        var terminal = Terminal.Open();
        if (terminal is null && !forced)
        {
            return;
        }

        await OneAtATime.WaitAsync().ConfigureAwait(false);
        try
        {
            var timeout = Timeout();

            // The inspector shows the failed test's requests, their bodies and miss reports in the browser, and those to come.
            var inspector = server.EnableInspector();
            var ends = terminal is null ? $"Ctrl+C or {Seconds(timeout)} s end it" : $"press Enter to go on; Ctrl+C, or {Seconds(timeout)} s, end it too";
            var text = string.Join(
                Environment.NewLine,
                string.Empty,
                $"FakeHttpFixture: {test} failed. Its server stays up at {server.BaseAddress} for you to curl or open in a browser: {ends}.",
                $"FakeHttpFixture: its inspector, every request live with its body and miss report: {inspector}",
                AdapterServer.Report(server),
                string.Empty);
            if (terminal is null)
            {
                await Console.Error.WriteLineAsync(text).ConfigureAwait(false);
            }
            else
            {
                terminal.Write(text);
            }

            using var interrupted = new CancellationTokenSource();
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
            {
                // The test goes on to stop its server cleanly; the test runner, which hears Ctrl+C too, decides about the run.
                context.Cancel = true;
                interrupted.Cancel();
            });
            var enter = terminal?.NextLineAsync() ?? Task.Delay(System.Threading.Timeout.Infinite, interrupted.Token);
            await Task.WhenAny(enter, Task.Delay(timeout, interrupted.Token)).ConfigureAwait(false);
            terminal?.Write($"FakeHttpFixture: going on; the server at {server.BaseAddress} stops now.{Environment.NewLine}");
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private static bool IsOn(string variable) =>
        Environment.GetEnvironmentVariable(variable)?.Trim().ToUpperInvariant() is "1" or "TRUE" or "YES";

    private static TimeSpan Timeout() =>
        double.TryParse(Environment.GetEnvironmentVariable(TimeoutVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(Math.Min(seconds, int.MaxValue / 1000))
            : DefaultTimeout;

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
}
