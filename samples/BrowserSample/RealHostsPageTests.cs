using FakeHttpFixture;

namespace BrowserSample;

/// <summary>
/// A page and the API it calls, both under their real names over HTTPS, in a real browser: Chromium resolves the routed names to the
/// fixtures and trusts exactly their certificates; any other name resolves to nothing.
/// </summary>
public sealed class RealHostsPageTests
{
    private const string Page = """
        <!doctype html>
        <html>
        <head><meta charset="utf-8"><title>Shop</title><script src="/app.js"></script></head>
        <body><p id="stars">loading</p><p id="analytics">loading</p></body>
        </html>
        """;

    private const string Script = """
        window.addEventListener('DOMContentLoaded', async () => {
          const repo = await (await fetch('https://api.github.com/repos/octo/fixture')).json();
          document.getElementById('stars').textContent = 'stars:' + repo.stargazers_count;
          try {
            await fetch('https://www.google-analytics.com/collect', { method: 'POST', body: 'v=1' });
            document.getElementById('analytics').textContent = 'analytics:sent';
          } catch {
            document.getElementById('analytics').textContent = 'analytics:blocked';
          }
        });
        """;

    [Fact]
    public async Task The_page_and_its_api_load_by_their_real_names_and_other_hosts_stay_unreachable()
    {
        await using var shop = HttpFixtureServer.Start(new FileTree { ["index.html"] = Page, ["app.js"] = Script }, o => o.ForHosts("shop.example.com"));
        await using var github = HttpFixtureServer.Start(o =>
        {
            o.ForHosts("api.github.com");
            o.EnableCors = true;
        });
        github.Stub(HttpMethod.Get, "https://api.github.com/repos/{owner}/{repo}").Respond(StubResponse.Json(new { stargazers_count = 42 }));

        var dom = await HeadlessChromium.DumpDomAsync(new Uri("https://shop.example.com/"), HttpFixtureRouting.GetChromiumArguments(shop, github));

        dom.ShouldContain("stars:42");
        dom.ShouldContain("analytics:blocked");
        shop.Requests.Select(r => r.Url.ToString()).Where(u => !u.EndsWith("/favicon.ico", StringComparison.Ordinal))
            .ShouldBe(["https://shop.example.com/", "https://shop.example.com/app.js"], ignoreOrder: true);
        var api = github.Requests.Single(r => r.Method == "GET");
        api.Url.ShouldBe(new Uri("https://api.github.com/repos/octo/fixture"));
        api.Header("Origin").ShouldBe("https://shop.example.com");
    }
}
