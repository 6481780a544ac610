namespace FakeHttpFixture.Tests.Files;

public sealed class ContentTypeTests
{
    [Theory]
    [InlineData("app.js", "text/javascript; charset=utf-8")]
    [InlineData("mod.mjs", "text/javascript; charset=utf-8")]
    [InlineData("page.html", "text/html; charset=utf-8")]
    [InlineData("style.CSS", "text/css; charset=utf-8")]
    [InlineData("notes.txt", "text/plain; charset=utf-8")]
    [InlineData("data.json", "application/json")]
    [InlineData("logo.svg", "image/svg+xml")]
    [InlineData("photo.jpeg", "image/jpeg")]
    [InlineData("font.woff2", "font/woff2")]
    [InlineData("module.wasm", "application/wasm")]
    [InlineData("archive.tar.gz", "application/gzip")]
    [InlineData("Makefile", "application/octet-stream")]
    [InlineData("blob.unknownext", "application/octet-stream")]
    public async Task The_built_in_table_gives_the_same_type_on_every_machine(string name, string expected)
    {
        await using var server = HttpFixtureServer.Start(new FileTree { [name] = "x" });
        using var client = server.CreateClient();

        using var response = await client.GetAsync(name);

        response.Content.Headers.ContentType!.ToString().ShouldBe(expected);
    }

    [Fact]
    public async Task Each_server_can_add_replace_and_remove_types()
    {
        var files = new FileTree { ["a.fixture"] = "x", ["b.json"] = "{}", ["c.js"] = "1" };
        await using var custom = HttpFixtureServer.Start(files, o =>
        {
            o.ContentTypes[".fixture"] = "application/vnd.test+json";
            o.ContentTypes[".JSON"] = "application/problem+json";
            o.ContentTypes.Remove(".js");
        });
        await using var plain = HttpFixtureServer.Start(files);
        using var client = new HttpClient();

        async Task<string> TypeAsync(HttpFixtureServer server, string path) =>
            (await client.GetAsync(server.Url(path))).Content.Headers.ContentType!.ToString();

        (await TypeAsync(custom, "a.fixture")).ShouldBe("application/vnd.test+json");
        (await TypeAsync(custom, "b.json")).ShouldBe("application/problem+json");
        (await TypeAsync(custom, "c.js")).ShouldBe("application/octet-stream");
        (await TypeAsync(plain, "a.fixture")).ShouldBe("application/octet-stream");
        (await TypeAsync(plain, "c.js")).ShouldBe("text/javascript; charset=utf-8");
    }

    [Fact]
    public void A_key_that_is_not_an_extension_is_a_clear_error_at_start()
    {
        var error = Should.Throw<ArgumentException>(() => HttpFixtureServer.Start(new FileTree(), o => o.ContentTypes["js"] = "text/javascript"));

        error.Message.ShouldContain("'js'");
        error.Message.ShouldContain("\".js\"");
    }

    [Fact]
    public async Task Python_http_client_sees_the_same_types()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.js"] = "1", ["b.json"] = "{}", ["c.bin"] = "z" });

        var answers = await PythonHttp.SendAsync(server, new PyRequest("GET", "/a.js"), new PyRequest("HEAD", "/b.json"), new PyRequest("GET", "/c.bin"));

        answers.Select(a => a.Header("Content-Type")).ShouldBe(["text/javascript; charset=utf-8", "application/json", "application/octet-stream"]);
    }
}
