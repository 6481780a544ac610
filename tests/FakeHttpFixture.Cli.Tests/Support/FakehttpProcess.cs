using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace FakeHttpFixture.Cli.Tests.Support;

/// <summary>
/// fakehttp running as a child process, started from the build beside the tests (fakehttp/fakehttp.dll) the way a user runs
/// it. Its stdout is read line by line as it comes; dispose kills it if a test left it running.
/// </summary>
internal sealed partial class FakehttpProcess : IAsyncDisposable
{
    // Generous: a cold .NET start on a loaded 2-core machine running other test processes.
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan LineTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly Task _stdout;
    private readonly Task _stderr;

    private FakehttpProcess(Process process)
    {
        _process = process;
        _stdout = PumpAsync(process.StandardOutput, _output, _lines.Writer);
        _stderr = PumpAsync(process.StandardError, _error, null);
    }

    public static string ToolPath => Path.Combine(AppContext.BaseDirectory, "fakehttp", "fakehttp.dll");

    public int Id => _process.Id;

    public Uri? BaseAddress { get; private set; }

    public string FirstLine { get; private set; } = string.Empty;

    /// <summary>Gets everything printed on stdout so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Gets everything printed on stderr so far.</summary>
    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>Start runs <c>dotnet fakehttp.dll ARGS</c> in <paramref name="workingDirectory"/> without waiting for anything.</summary>
    public static FakehttpProcess Start(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] arguments) =>
        Start(workingDirectory, environment, [], arguments);

    /// <summary>
    /// ServeInterruptibleAsync starts fakehttp with SIGINT at its default action, as in a terminal. A shell without job control
    /// starts background children with SIGINT ignored, and the runtime keeps it ignored; python's exec resets it first.
    /// </summary>
    public static async Task<FakehttpProcess> ServeInterruptibleAsync(string workingDirectory, params string[] arguments)
    {
        const string resetSigint = "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])";
        return await WaitForServingAsync(Start(workingDirectory, null, ["python3", "-c", resetSigint], arguments));
    }

    private static FakehttpProcess Start(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, string[] launcher, string[] arguments)
    {
        File.Exists(ToolPath).ShouldBeTrue($"fakehttp was not built beside the tests at {ToolPath}.");
        var start = new ProcessStartInfo(launcher.Length > 0 ? launcher[0] : DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in launcher.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        if (launcher.Length > 0)
        {
            start.ArgumentList.Add(DotnetHost());
        }

        // Through a launcher (setpriv) the tool runs as another user, who may not reach the checkout: a copy they can.
        start.ArgumentList.Add(launcher.Length > 0 ? UnprivilegedTool.Path : ToolPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start fakehttp.");
        process.StandardInput.Close();
        return new FakehttpProcess(process);
    }

    /// <summary>ServeAsync starts fakehttp and waits for its first line, which names the URL it serves.</summary>
    public static Task<FakehttpProcess> ServeAsync(string workingDirectory, params string[] arguments) =>
        WaitForServingAsync(Start(workingDirectory, null, arguments));

    /// <summary>ServeAsync starts fakehttp with <paramref name="environment"/> added (TMPDIR, say) and waits for its first line.</summary>
    public static Task<FakehttpProcess> ServeAsync(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        WaitForServingAsync(Start(workingDirectory, environment, [], arguments));

    /// <summary>ServeThroughAsync starts fakehttp through <paramref name="launcher"/> (such as setpriv, to run it as another user) and waits for its first line.</summary>
    public static Task<FakehttpProcess> ServeThroughAsync(string workingDirectory, string[] launcher, params string[] arguments) =>
        WaitForServingAsync(Start(workingDirectory, null, launcher, arguments));

    private static async Task<FakehttpProcess> WaitForServingAsync(FakehttpProcess fakehttp)
    {
        try
        {
            fakehttp.FirstLine = await fakehttp.ReadLineAsync(StartTimeout);
            var match = ServingLine().Match(fakehttp.FirstLine);
            match.Success.ShouldBeTrue($"The first line does not name the URL: '{fakehttp.FirstLine}'. stderr: {fakehttp.Error}");
            fakehttp.BaseAddress = new Uri(match.Groups["url"].Value);
            return fakehttp;
        }
        catch
        {
            await fakehttp.DisposeAsync();
            throw;
        }
    }

    /// <summary>ReadLineAsync returns the next line fakehttp prints on stdout.</summary>
    public async Task<string> ReadLineAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? LineTimeout);
        try
        {
            return await _lines.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"fakehttp printed no line in time. stdout so far: {Output} stderr: {Error}");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"fakehttp closed its stdout. stdout: {Output} stderr: {Error}");
        }
    }

    /// <summary>WaitForLineAsync skips lines until one contains <paramref name="text"/>, and returns it.</summary>
    public async Task<string> WaitForLineAsync(string text)
    {
        while (true)
        {
            var line = await ReadLineAsync();
            if (line.Contains(text, StringComparison.Ordinal))
            {
                return line;
            }
        }
    }

    /// <summary>SignalAsync sends a signal through kill(1), as a service manager or a terminal would; Process.Kill would send SIGKILL.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        kill.ExitCode.ShouldBe(0, $"kill -{signal} failed");
    }

    /// <summary>WaitForExitAsync waits for fakehttp to end and for its output to be read to the end, and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? StartTimeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            await Task.WhenAll(_stdout, _stderr).WaitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"fakehttp did not exit in time. stdout: {Output} stderr: {Error}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
        }

        _process.Dispose();
    }

    // The host that runs the tests is the one to run fakehttp with; the SDK names it in DOTNET_HOST_PATH.
    public static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static async Task PumpAsync(StreamReader reader, StringBuilder all, ChannelWriter<string>? lines)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (all)
            {
                all.Append(line).Append('\n');
            }

            lines?.TryWrite(line);
        }

        lines?.TryComplete();
    }

    [GeneratedRegex(@"^Serving (?:(?<url>https?://\S+/), forwarding to \S+|(?<dir>.+) at (?<url>https?://\S+/)) — Ctrl\+C to stop$")]
    private static partial Regex ServingLine();
}
