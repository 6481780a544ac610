using FakeHttpFixture;

namespace BrowserSample;

/// <summary>A small static site served from memory, loaded by a real browser; what its script POSTs is recorded and asserted.</summary>
public sealed class FeedbackPageTests
{
    private const string Page = """
        <!doctype html>
        <html>
        <head><meta charset="utf-8"><title>Feedback</title><script src="app.js"></script></head>
        <body><p id="status">loading</p></body>
        </html>
        """;

    private const string Script = """
        window.addEventListener('DOMContentLoaded', async () => {
          const status = document.getElementById('status');
          const config = await (await fetch('api/config.json')).json();
          const response = await fetch('api/feedback', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ rating: config.defaultRating, comment: 'Works in a real browser' })
          });
          status.textContent = 'sent:' + response.status;
        });
        """;

    private sealed record Feedback(int Rating, string Comment);

    [Fact]
    public async Task Page_script_posts_feedback_that_the_server_records()
    {
        var site = new FileTree
        {
            ["index.html"] = Page,
            ["app.js"] = Script,
            ["api/config.json"] = """{ "defaultRating": 5 }""",
        };
        await using var server = HttpFixtureServer.Start(site, o => o.FallbackStatusCode = 201);

        var dom = await HeadlessChromium.DumpDomAsync(server.Url("index.html"));

        var post = await server.WaitForRequestAsync(r => r.Method == "POST" && r.Path == "/api/feedback", cancellationToken: TestContext.Current.CancellationToken);
        post.Header("Content-Type").ShouldBe("application/json");
        post.BodyJson<Feedback>().ShouldBe(new Feedback(5, "Works in a real browser"));
        post.Header("Origin").ShouldBe(server.BaseAddress.GetLeftPart(UriPartial.Authority));
        dom.ShouldContain("sent:201");
        // Browsers also ask for /favicon.ico on their own; the page itself loads exactly these.
        server.Requests.Select(r => r.Path).Where(p => p != "/favicon.ico").ShouldBe(["/index.html", "/app.js", "/api/config.json", "/api/feedback"], ignoreOrder: true);
    }
}
