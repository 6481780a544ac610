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
        var executable = Candidates.FirstOrDefault(File.Exists);
        Assert.SkipWhen(executable is null, $"Chromium is not installed (looked for {string.Join(" and ", Candidates)}). Install it with `sudo apt-get install chromium` or the repository's `sudo bash .ci/install-prereqs`; a test never runs apt-get itself.");
        var profile = Directory.CreateTempSubdirectory("fakehttp-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(executable!)
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
}
