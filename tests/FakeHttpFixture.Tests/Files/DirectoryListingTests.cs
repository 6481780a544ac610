using System.Net;
using System.Text.RegularExpressions;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Files;

public sealed partial class DirectoryListingTests
{
    private static HttpClient NoRedirectClient(HttpFixtureServer server) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { BaseAddress = server.BaseAddress };

    [GeneratedRegex("<a href=\"([^\"]*)\">([^<]*)</a>")]
    private static partial Regex Link();

    internal static List<(string Href, string Text)> Links(string html) =>
        Link().Matches(html).Select(m => (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();

    [Fact]
    public async Task Directory_without_trailing_slash_is_301_to_the_slash_form_keeping_the_query()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["docs/a b/x.txt"] = "x" });
        using var client = NoRedirectClient(server);

        using var response = await client.GetAsync("docs/a%20b?page=2&q=%C3%A9");

        response.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        response.Headers.Location!.OriginalString.ShouldBe("/docs/a%20b/?page=2&q=%C3%A9");
    }

    [Fact]
    public async Task Index_html_then_index_htm_is_served_for_a_directory()
    {
        using var dir = new TempDirectory();
        dir.Write("one/index.html", "<p>html</p>");
        dir.Write("one/index.htm", "<p>htm</p>");
        dir.Write("two/index.htm", "<p>htm only</p>");
        await using var server = HttpFixtureServer.Start(dir.Path);
        using var client = server.CreateClient();

        (await client.GetStringAsync("one/")).ShouldBe("<p>html</p>");
        (await client.GetStringAsync("two")).ShouldBe("<p>htm only</p>");
        using var root = await client.GetAsync("two/");
        root.Content.Headers.ContentType!.ToString().ShouldBe("text/html; charset=utf-8");
    }

    [Fact]
    public async Task Listing_escapes_names_encodes_links_sorts_and_every_link_works()
    {
        string[] names = ["b.txt", "A.txt", "a b.txt", "hash#.txt", "what?.txt", "100%.txt", "é.txt", "<b>&amp;.txt"];
        var files = new FileTree();
        foreach (var name in names)
        {
            files["dir/" + name] = "content of " + name;
        }

        files["dir/sub/deep.txt"] = "deep";
        await using var server = HttpFixtureServer.Start(files);
        using var client = server.CreateClient();

        var html = await client.GetStringAsync("dir/");

        html.ShouldNotContain("<b>&amp;");
        var links = Links(html);
        links[0].ShouldBe(("../", "../"));
        links.Skip(1).Select(l => l.Text).ShouldBe(["100%.txt", "<b>&amp;.txt", "a b.txt", "A.txt", "b.txt", "hash#.txt", "sub/", "what?.txt", "é.txt"]);
        links.ShouldContain(("a%20b.txt", "a b.txt"));
        links.ShouldContain(("hash%23.txt", "hash#.txt"));
        links.ShouldContain(("what%3F.txt", "what?.txt"));
        links.ShouldContain(("100%25.txt", "100%.txt"));
        links.ShouldContain(("%C3%A9.txt", "é.txt"));
        foreach (var (href, text) in links.Skip(1).Where(l => !l.Text.EndsWith('/')))
        {
            (await client.GetStringAsync(new Uri(server.Url("dir/"), href))).ShouldBe("content of " + text);
        }
    }

    [Fact]
    public async Task Listing_shows_sizes_and_dates_and_the_root_has_no_parent_link()
    {
        var modified = new DateTimeOffset(2022, 3, 4, 5, 6, 7, TimeSpan.Zero);
        await using var server = HttpFixtureServer.Start(new FileTree().Add("twelve.bin", new byte[12], modified));
        using var client = server.CreateClient();

        using var response = await client.GetAsync("");
        var html = await response.Content.ReadAsStringAsync();

        response.Content.Headers.ContentType!.ToString().ShouldBe("text/html; charset=utf-8");
        html.ShouldContain("<title>Directory listing for /</title>");
        html.ShouldContain("<a href=\"twelve.bin\">twelve.bin</a> <span class=\"size\">12</span> <time datetime=\"2022-03-04T05:06:07Z\">");
        Links(html).ShouldNotContain(l => l.Href == "../");
    }

    [Fact]
    public async Task Listing_can_be_switched_off_and_a_file_with_a_trailing_slash_is_404()
    {
        using var dir = new TempDirectory();
        dir.Write("d/file.txt", "f");
        await using var server = HttpFixtureServer.Start(dir.Path, o => o.DirectoryListing = false);
        using var client = server.CreateClient();

        (await client.GetAsync("d/")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("d/file.txt/")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetStringAsync("d/file.txt")).ShouldBe("f");
    }

    [Fact]
    public async Task Head_of_a_listing_has_its_length_and_no_body()
    {
        using var dir = new TempDirectory();
        dir.Write("x.txt", "x");
        await using var server = HttpFixtureServer.Start(dir.Path);
        using var client = server.CreateClient();
        var length = (await client.GetByteArrayAsync("")).Length;

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, ""));

        head.Content.Headers.ContentLength.ShouldBe(length);
        (await head.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Python_http_client_sees_redirects_indexes_and_listings()
    {
        using var dir = new TempDirectory();
        dir.Write("site/index.html", "<h1>home</h1>");
        dir.Write("files/a b.txt", "ab");
        await using var server = HttpFixtureServer.Start(dir.Path);

        var answers = await PythonHttp.SendAsync(
            server,
            new PyRequest("GET", "/site?x=1"),
            new PyRequest("GET", "/site/"),
            new PyRequest("GET", "/files/"),
            new PyRequest("GET", "/files/a%20b.txt/"));

        answers[0].Status.ShouldBe(301);
        answers[0].Header("Location").ShouldBe("/site/?x=1");
        answers[1].Text.ShouldBe("<h1>home</h1>");
        Links(answers[2].Text).ShouldBe([("../", "../"), ("a%20b.txt", "a b.txt")]);
        answers[3].Status.ShouldBe(404);
    }
}
