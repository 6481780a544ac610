using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FakeHttpFixture.WireMock.Tests.Support;

/// <summary>
/// WireMock 3.13.2 itself (the jar from npm, on the machine's Java), started once per test run on the reference mapping set and
/// only when a test asks for it; it takes several seconds to start. Java takes a port number, so a free one is picked first.
/// </summary>
public sealed class JavaWireMock : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly Lazy<Task<Uri>> _started;
    private Process? _process;

    public JavaWireMock() => _started = new(StartAsync);

    /// <summary>Gets why the reference cannot run here, or null when Java and the jar are both present.</summary>
    public static string? MissingReason =>
        ReferenceTools.OnPath("java") is null ? "java is not on PATH (install a Java 17 runtime, as .ci/install-prereqs does)."
        : ReferenceTools.Jar is null ? ReferenceTools.MissingReason(ReferenceTools.JarName)
        : null;

    /// <summary>Starts WireMock on first use and returns its base address once /__admin/health answers.</summary>
    public Task<Uri> BaseAddressAsync() => _started.Value;

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        _process?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<Uri> StartAsync()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("java")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-jar", ReferenceTools.Jar!, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind-address", "127.0.0.1", "--root-dir", MappingSets.Reference, "--disable-banner" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start java.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}/");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();

        // WireMock says nothing it is ready on stdout with the banner off, so its health endpoint is asked until it answers.
        while (true)
        {
            _process.HasExited.ShouldBeFalse($"java -jar {ReferenceTools.JarName} exited with {(_process.HasExited ? _process.ExitCode : 0)}.");
            try
            {
                using var health = await client.GetAsync(new Uri(address, "__admin/health"));
                if (health.IsSuccessStatusCode)
                {
                    return address;
                }
            }
            catch (HttpRequestException)
            {
            }

            deadline.Elapsed.ShouldBeLessThan(StartTimeout, "WireMock did not answer /__admin/health in time.");
            using var pause = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
            await pause.WaitForNextTickAsync();
        }
    }
}
