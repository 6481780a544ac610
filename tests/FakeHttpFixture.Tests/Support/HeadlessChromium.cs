using System.Diagnostics;

namespace FakeHttpFixture.Tests.Support;

/// <summary>
/// Keeps a page open in Debian's headless Chromium until disposed. The page reports what it saw by sending a request to the
/// fixture, which the test waits for: a page with an open EventSource or WebSocket never goes idle, so a DOM dump (which waits
/// for an idle page) does not fit. When Chromium is missing, .ci/install-prereqs installs it, as the browser sample does.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    private readonly Process _process;
    private readonly string _profile;
    private readonly Task<string> _errors;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
        _errors = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
    }

    /// <summary>Gets what Chromium printed to stderr so far, for a failure message; complete only after dispose.</summary>
    public string Errors => _errors.IsCompleted ? _errors.Result : "(Chromium is still running)";

    /// <summary>Opens <paramref name="page"/>; a page served over TLS by the fixture's self-signed certificate is accepted.</summary>
    public static async Task<HeadlessChromium> OpenAsync(Uri page)
    {
        var executable = await FindOrInstallAsync();
        var profile = Directory.CreateTempSubdirectory("fakehttp-chromium-").FullName;
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] flags =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--ignore-certificate-errors",
            $"--user-data-dir={profile}", page.AbsoluteUri,
        ];
        foreach (var flag in flags)
        {
            start.ArgumentList.Add(flag);
        }

        return new HeadlessChromium(Process.Start(start)!, profile);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                // The browser this helper started, and its helper processes: nothing else.
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            await _errors.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(_profile, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<string> FindOrInstallAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            if (Candidates.FirstOrDefault(File.Exists) is { } found)
            {
                return found;
            }

            // The script looks for the browser sample from the checkout's root, so it runs there, as CI runs it.
            var (exit, output, error) = await ExternalProcess.RunAsync("bash", "-c", "cd \"$0\" && bash .ci/install-prereqs", RepositoryRoot.Path);
            return Candidates.FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException($"Chromium is not installed and `bash .ci/install-prereqs` could not install it (exit {exit}; it needs root or sudo for apt-get). {output}{error}");
        }
        finally
        {
            InstallGate.Release();
        }
    }
}
