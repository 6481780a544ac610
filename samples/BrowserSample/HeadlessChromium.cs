using System.Diagnostics;

namespace BrowserSample;

/// <summary>
/// Loads a page in Debian's headless Chromium and returns the DOM after its scripts ran.
/// Chromium's own headless mode needs no driver; --virtual-time-budget lets the page's fetch() finish before the dump.
/// Extra flags go before the page, such as the fixture's GetChromiumArguments() for real host names.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    public static async Task<string> DumpDomAsync(Uri page, IEnumerable<string>? extraFlags = null)
    {
        var executable = await FindOrInstallAsync();
        var profile = Directory.CreateTempSubdirectory("fakehttp-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            string[] flags =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", $"--user-data-dir={profile}", "--virtual-time-budget=10000", "--dump-dom",
                .. extraFlags ?? [],
                page.AbsoluteUri,
            ];
            foreach (var flag in flags)
            {
                start.ArgumentList.Add(flag);
            }

            using var process = Process.Start(start)!;
            var dom = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not finish loading {page} within 90 s. stderr: {await errors}");
            }

            process.ExitCode.ShouldBe(0, await errors);
            return await dom;
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    // The README's test command must work on a fresh machine: when Chromium is missing, the repository's own install
    // script (the one CI runs) installs it with apt-get, once, before the first page loads.
    private static async Task<string> FindOrInstallAsync()
    {
        if (Candidates.FirstOrDefault(File.Exists) is { } found)
        {
            return found;
        }

        var script = FindInstallScript();
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(Path.GetDirectoryName(script)!)! };
        start.ArgumentList.Add(script);
        using var install = Process.Start(start)!;
        var output = install.StandardOutput.ReadToEndAsync();
        var errors = install.StandardError.ReadToEndAsync();
        await install.WaitForExitAsync();
        return Candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"Chromium is not installed and `bash .ci/install-prereqs` could not install it (exit {install.ExitCode}; it needs root or sudo for apt-get). {await output}{await errors}");
    }

    private static string FindInstallScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, ".ci", "install-prereqs");
            if (File.Exists(script))
            {
                return script;
            }
        }

        throw new InvalidOperationException("Chromium is not installed, and .ci/install-prereqs was not found above the test's folder to install it.");
    }
}
