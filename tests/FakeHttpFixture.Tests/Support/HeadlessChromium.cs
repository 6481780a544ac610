using System.Diagnostics;

namespace FakeHttpFixture.Tests.Support;

/// <summary>
/// Keeps a page open in Debian's headless Chromium until disposed. The page reports what it saw by sending a request to the
/// fixture, which the test waits for: a page with an open EventSource or WebSocket never goes idle, so a DOM dump (which waits
/// for an idle page) does not fit. Chromium is installed by .ci/install-prereqs, never by a test: without it the test skips.
/// It is never told to ignore certificate errors: a page over TLS is trusted through the server's SPKI pin alone.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
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

    /// <summary>Opens <paramref name="page"/>; skips the test when Chromium is not installed.</summary>
    /// <param name="page">The page to open.</param>
    /// <param name="serverArguments">For a page over TLS, the server's <see cref="HttpFixtureServer.GetChromiumArguments"/>: the SPKI pin is the only trust given.</param>
    public static Task<HeadlessChromium> OpenAsync(Uri page, IReadOnlyList<string>? serverArguments = null)
    {
        var executable = Candidates.FirstOrDefault(File.Exists);
        Assert.SkipWhen(executable is null, $"Chromium is not installed (looked for {string.Join(" and ", Candidates)}). `sudo bash .ci/install-prereqs` installs it; a test never runs apt-get itself.");
        if (page.Scheme == Uri.UriSchemeHttps && serverArguments is null)
        {
            throw new ArgumentException("A page over TLS needs the server's GetChromiumArguments(), whose SPKI pin is what makes Chromium trust it.", nameof(serverArguments));
        }

        var profile = Directory.CreateTempSubdirectory("fakehttp-chromium-").FullName;
        var start = new ProcessStartInfo(executable!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] flags =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            $"--user-data-dir={profile}", .. serverArguments ?? [], page.AbsoluteUri,
        ];
        foreach (var flag in flags)
        {
            start.ArgumentList.Add(flag);
        }

        return Task.FromResult(new HeadlessChromium(Process.Start(start)!, profile));
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
}
