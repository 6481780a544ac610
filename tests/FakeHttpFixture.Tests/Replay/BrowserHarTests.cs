using System.Net;
using System.Text;

namespace FakeHttpFixture.Tests.Replay;

/// <summary>
/// HAR files saved from a browser's developer tools replay: Chromium's (HTTP/2 pseudo-headers, fields of its own starting with
/// '_', entries blocked or served from cache, a WebSocket, a second host) and Firefox's (decoded bodies under a Content-Encoding,
/// form posts, a 304, an HTTP/1.1 host with hop-by-hop headers). The fixtures in Replay/Fixtures are made by hand in their shapes.
/// </summary>
public sealed class BrowserHarTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Replay", "Fixtures", name);

    [Fact]
    public async Task A_Chromium_har_replays_its_documents_scripts_api_calls_and_images()
    {
        await using var replay = HttpFixtureServer.Start(o => o.ReplayHar(Fixture("chromium.har")));
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = replay.BaseAddress };

        using var page = await client.GetAsync("/", TestContext.Current.CancellationToken);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.ToString().ShouldBe("text/html; charset=utf-8");
        page.Content.Headers.ContentEncoding.ShouldBeEmpty("the browser kept the body decoded, so the replay sends it without its br coding");
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        html.ShouldContain("<h1>Welcome to the shop</h1><p id=\"cart\">Cart: loading…</p>");
        page.Content.Headers.ContentLength.ShouldBe(Encoding.UTF8.GetByteCount(html));
        page.Headers.GetValues("server").ShouldBe(["nginx"]);
        page.Headers.Select(h => h.Key).ShouldAllBe(name => !name.StartsWith(':'));

        (await client.GetStringAsync("static/app.js", TestContext.Current.CancellationToken)).ShouldStartWith("fetch('/api/cart?currency=EUR&v=2')");
        (await client.GetStringAsync("api/cart?v=2&currency=EUR", TestContext.Current.CancellationToken)).ShouldBe("""{"items":[{"sku":"A-1","qty":1}],"total":9.5}""");

        using var added = await client.PostAsync("api/cart", new StringContent("""{"sku":"B-2","qty":2}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        added.Headers.Location!.OriginalString.ShouldBe("/api/cart/items/2");

        var logo = await client.GetByteArrayAsync("img/logo.png", TestContext.Current.CancellationToken);
        logo.Length.ShouldBe(70);
        logo[1..4].ShouldBe("PNG"u8.ToArray(), "an entry of another host (the CDN) answers by its path");
    }

    [Fact]
    public async Task Chromium_entries_without_a_response_and_WebSockets_are_left_to_the_next_stages()
    {
        await using var replay = HttpFixtureServer.Start(o => o.ReplayHar(Fixture("chromium.har")));
        using var client = replay.CreateClient();

        (await client.GetAsync("favicon.ico", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "blocked by the browser: status 0");
        (await client.GetAsync("live", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a wss: URL is no HTTP answer to replay");

        await replay.DisposeAsync();
        replay.Requests.Select(r => r.AnsweredBy).ShouldBe([ResponseSource.Fallback, ResponseSource.Fallback]);
    }

    [Fact]
    public async Task Where_two_hosts_recorded_the_same_path_the_requests_host_picks_its_own()
    {
        await using var replay = HttpFixtureServer.Start(o => o.ReplayHar(Fixture("chromium.har")));
        using var client = replay.CreateClient();
        using var toCdn = new HttpRequestMessage(HttpMethod.Get, "/");
        toCdn.Headers.Host = "cdn.example.net";

        using var cdn = await client.SendAsync(toCdn, TestContext.Current.CancellationToken);

        (await cdn.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("cdn home");
        (await client.GetStringAsync("/", TestContext.Current.CancellationToken)).ShouldContain("Welcome to the shop", customMessage: "a host the file does not know gets the earliest entry of the path");
    }

    [Fact]
    public async Task A_Firefox_har_replays_decoded_bodies_redirects_forms_images_and_not_modified()
    {
        await using var replay = HttpFixtureServer.Start(o => o.ReplayHar(Fixture("firefox.har")));
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = replay.BaseAddress };

        using var page = await client.GetAsync("/", TestContext.Current.CancellationToken);
        page.Content.Headers.ContentEncoding.ShouldBeEmpty();
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        html.ShouldContain("<h1>Grüße aus dem Laden</h1>");
        page.Content.Headers.ContentLength.ShouldBe(Encoding.UTF8.GetByteCount(html), "the decoded body's own length, not the compressed one recorded");
        page.Headers.ETag!.Tag.ShouldBe("\"v1-home\"");

        using var moved = await client.GetAsync("old-cart", TestContext.Current.CancellationToken);
        moved.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        moved.Headers.Location!.ToString().ShouldBe("https://shop.example.com/cart.html");

        (await client.GetStringAsync("api/search?sort=price&q=red%20shoes", TestContext.Current.CancellationToken)).ShouldBe("""{"results":["R-1","R-7"],"page":1}""");

        using var login = await client.PostAsync("api/login", new FormUrlEncodedContent([new("user", "ada"), new("password", "secret")]), TestContext.Current.CancellationToken);
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        login.Headers.GetValues("Set-Cookie").ShouldBe(["sid=REDACTED; Path=/; Secure; HttpOnly", "theme=light; Path=/"]);

        var webp = await client.GetByteArrayAsync("img/product.webp", TestContext.Current.CancellationToken);
        Encoding.ASCII.GetString(webp, 0, 4).ShouldBe("RIFF");
        webp.Length.ShouldBe(34);

        using var css = await client.GetAsync("static/style.css", TestContext.Current.CancellationToken);
        css.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await css.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Hop_by_hop_headers_of_a_recorded_http11_answer_are_not_replayed()
    {
        await using var replay = HttpFixtureServer.Start(o => o.ReplayHar(Fixture("firefox.har")));
        using var client = replay.CreateClient();

        using var pixel = await client.GetAsync("pixel.gif?page=home", TestContext.Current.CancellationToken);

        pixel.StatusCode.ShouldBe(HttpStatusCode.OK);
        pixel.Headers.GetValues("X-Tracked").ShouldBe(["yes"]);
        pixel.Headers.Contains("Keep-Alive").ShouldBeFalse();
        pixel.Headers.Contains("X-Tracker-Hop").ShouldBeFalse("Connection named it hop-by-hop");
        pixel.Headers.ConnectionClose.ShouldNotBe(true);
    }

    [Fact]
    public async Task Two_files_replay_together_in_the_order_they_were_added()
    {
        await using var replay = HttpFixtureServer.Start(o => o.ReplayHar(Fixture("chromium.har")).ReplayHar(Fixture("firefox.har")));
        using var client = replay.CreateClient();

        (await client.GetStringAsync("api/cart?currency=EUR&v=2", TestContext.Current.CancellationToken)).ShouldContain("total");
        (await client.GetStringAsync("api/search?q=red+shoes&sort=price", TestContext.Current.CancellationToken)).ShouldContain("R-7");

        // Both files hold "/" (Chromium's for two hosts): a host neither names plays them in the order of the files.
        (await client.GetStringAsync("/", TestContext.Current.CancellationToken)).ShouldContain("Welcome to the shop");
        (await client.GetStringAsync("/", TestContext.Current.CancellationToken)).ShouldBe("cdn home");
        (await client.GetStringAsync("/", TestContext.Current.CancellationToken)).ShouldContain("Grüße aus dem Laden");
    }
}
