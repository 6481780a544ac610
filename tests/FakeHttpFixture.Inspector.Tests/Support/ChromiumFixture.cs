using Microsoft.Playwright;

namespace FakeHttpFixture.Inspector.Tests.Support;

/// <summary>
/// One Chromium for a whole test class, driven by Playwright: Debian's /usr/bin/chromium, given by path, as no browser can be
/// downloaded here (.ci/install-prereqs installs it with apt-get). When it is missing the tests skip and say why.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    private IPlaywright? _playwright;

    /// <summary>Gets the browser, or null when it could not start (see <see cref="SkipReason"/>).</summary>
    public IBrowser? Browser { get; private set; }

    /// <summary>Gets why the browser tests skip, when they do.</summary>
    public string SkipReason { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        if (Candidates.FirstOrDefault(File.Exists) is not { } executable)
        {
            SkipReason = "Chromium is not installed at /usr/bin/chromium: run `bash .ci/install-prereqs` (it installs Debian's chromium with apt-get).";
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
            Timeout = 60_000,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
