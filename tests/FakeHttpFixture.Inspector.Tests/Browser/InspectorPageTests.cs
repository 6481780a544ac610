using System.Net.Http.Json;
using System.Text.Json;
using FakeHttpFixture.Inspector.Tests.Support;
using Microsoft.Playwright;

namespace FakeHttpFixture.Inspector.Tests.Browser;

/// <summary>The inspector page in a real browser: the list, live arrivals, a request's page, filters and the HAR download.</summary>
public sealed class InspectorPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const float Wait = 30_000;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_list_fills_and_a_new_request_appears_without_a_reload()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();
        await client.GetStringAsync("site/index.html", Cancel);
        await client.PostAsJsonAsync("api/orders", new { item = "book", quantity = 2 }, Cancel);
        await client.GetAsync("api/missing?page=2", Cancel);
        await using var page = await OpenAsync(server);

        await Assertions.Expect(page.Locator("#requests tbody tr")).ToHaveCountAsync(3, new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("#live")).ToHaveTextAsync("live", new() { Timeout = Wait });
        await client.DeleteAsync("api/orders/7", Cancel);

        var row = page.Locator("#requests tr[data-seq='4']");
        await Assertions.Expect(row).ToContainTextAsync("DELETE", new() { Timeout = Wait });
        await Assertions.Expect(row.Locator("td.status")).ToHaveTextAsync("204", new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("#requests tr[data-seq='3']")).ToHaveClassAsync("missed", new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("#requests tbody tr").First).ToHaveAttributeAsync("data-seq", "4");
        await KeepScreenshotAsync(page.Page, "inspector-list.png");
        server.Requests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task A_request_page_shows_a_json_body_and_a_miss_report()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();
        await client.PostAsJsonAsync("api/orders", new { item = "book", quantity = 2 }, Cancel);
        await client.GetAsync("api/orders/7", Cancel);
        await server.WaitForCompletionAsync(server.Requests[1]);
        await using var page = await OpenAsync(server);

        await page.Locator("#requests tr[data-seq='1']").ClickAsync(new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("#detail-view .body-json pre").First).ToContainTextAsync("\"item\": \"book\"", new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("#curl")).ToContainTextAsync("--data-binary '{\"item\":\"book\",\"quantity\":2}'", new() { Timeout = Wait });
        await KeepScreenshotAsync(page.Page, "inspector-request.png");

        await page.Page.GotoAsync(server.InspectorAddress + "#/requests/2");
        var report = page.Locator("#miss-report");
        await Assertions.Expect(report).ToContainTextAsync("matched no stub or file", new() { Timeout = Wait });
        await Assertions.Expect(report).ToContainTextAsync("/api/orders", new() { Timeout = Wait });
        await KeepScreenshotAsync(page.Page, "inspector-miss.png");
    }

    [Fact]
    public async Task Filters_narrow_the_list_by_method_status_and_text()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();
        await client.GetStringAsync("site/index.html", Cancel);
        await client.PostAsJsonAsync("api/orders", new { item = "book" }, Cancel);
        await client.GetAsync("api/missing", Cancel);
        await server.WaitForCompletionAsync(server.Requests[2]);
        await using var page = await OpenAsync(server);
        var visible = page.Locator("#requests tbody tr:visible");
        await Assertions.Expect(visible).ToHaveCountAsync(3, new() { Timeout = Wait });

        await page.Page.SelectOptionAsync("#f-method", "POST");
        await Assertions.Expect(visible).ToHaveCountAsync(1, new() { Timeout = Wait });
        await page.Page.SelectOptionAsync("#f-method", string.Empty);
        await page.Page.SelectOptionAsync("#f-status", "missed");
        await Assertions.Expect(visible).ToHaveCountAsync(1, new() { Timeout = Wait });
        await Assertions.Expect(visible).ToContainTextAsync("/api/missing");
        await page.Page.SelectOptionAsync("#f-status", string.Empty);
        await page.Page.FillAsync("#f-text", "index");
        await Assertions.Expect(visible).ToHaveCountAsync(1, new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("#count")).ToHaveTextAsync("1 of 3");
    }

    [Fact]
    public async Task The_HAR_button_downloads_the_journal_as_HAR()
    {
        await using var server = await StartAsync();
        using var client = server.CreateClient();
        await client.GetStringAsync("site/index.html", Cancel);
        await client.PostAsJsonAsync("api/orders", new { item = "book" }, Cancel);
        await server.WaitForCompletionAsync(server.Requests[1]);
        await using var page = await OpenAsync(server);

        var download = await page.Page.RunAndWaitForDownloadAsync(() => page.Page.ClickAsync("#har"), new() { Timeout = Wait });
        var path = Path.Combine(Path.GetTempPath(), $"inspector-{Guid.NewGuid():N}.har");
        await download.SaveAsAsync(path);
        try
        {
            download.SuggestedFilename.ShouldBe($"fakehttp-{server.Port}.har");
            using var har = JsonDocument.Parse(await File.ReadAllTextAsync(path, Cancel));
            var entries = har.RootElement.GetProperty("log").GetProperty("entries");
            entries.EnumerateArray().Select(e => e.GetProperty("request").GetProperty("method").GetString()).ShouldBe(["GET", "POST"]);
            entries[1].GetProperty("response").GetProperty("status").GetInt32().ShouldBe(201);
        }
        finally
        {
            File.Delete(path);
        }

        server.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_stubs_page_lists_the_stubs_the_server_holds()
    {
        await using var server = await StartAsync();
        await using var page = await OpenAsync(server);

        await page.Page.ClickAsync("a[href='#/stubs']");

        await Assertions.Expect(page.Locator("#stubs tbody tr")).ToHaveCountAsync(2, new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("#stubs tbody tr").First).ToContainTextAsync("POST /api/orders");
        await Assertions.Expect(page.Locator("#stubs tbody tr").Last).ToContainTextAsync("DELETE /api/orders/{id}");
    }

    private static Task<HttpFixtureServer> StartAsync() =>
        HttpFixtureServer.StartAsync(new FileTree { ["site/index.html"] = "<h1>shop</h1>" }, o => o.EnableInspector()).ContinueWith(
            start =>
            {
                start.Result.Stub(HttpMethod.Post, "/api/orders").Respond(StubResponse.Json(new { id = 7 }).WithStatus(201), times: 10);
                start.Result.Stub(HttpMethod.Delete, "/api/orders/{id}").Respond(204);
                return start.Result;
            },
            Cancel,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    private async Task<OpenPage> OpenAsync(HttpFixtureServer server)
    {
        Assert.SkipWhen(chromium.Browser is null, chromium.SkipReason);
        var context = await chromium.Browser!.NewContextAsync(new() { AcceptDownloads = true, ViewportSize = new() { Width = 1100, Height = 640 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(server.InspectorAddress!.AbsoluteUri);
        return new OpenPage(context, page, errors);
    }

    // The screenshot goes with the test's results (an attachment) and stays beside the test assembly, for docs/inspector.md.
    private static async Task KeepScreenshotAsync(IPage page, string name)
    {
        var png = await page.ScreenshotAsync(new() { FullPage = true });
        TestContext.Current.AddAttachment(name, png, "image/png");
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, name), png, Cancel);
    }

    /// <summary>A page in a context of its own; disposing it closes both and fails the test for a script error on the page.</summary>
    private sealed class OpenPage(IBrowserContext context, IPage page, List<string> errors) : IAsyncDisposable
    {
        public IPage Page => page;

        public ILocator Locator(string selector) => page.Locator(selector);

        public async ValueTask DisposeAsync()
        {
            await context.CloseAsync();
            errors.ShouldBeEmpty("the inspector page threw");
        }
    }
}
