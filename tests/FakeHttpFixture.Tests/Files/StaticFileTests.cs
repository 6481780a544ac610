using System.Net;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Files;

public sealed class StaticFileTests
{
    [Fact]
    public async Task Get_of_a_file_in_a_directory_returns_its_bytes_and_content_type()
    {
        using var dir = new TempDirectory();
        dir.Write("site/app.css", "body { color: red }");
        await using var server = HttpFixtureServer.Start(dir.Path);
        using var client = server.CreateClient();

        using var response = await client.GetAsync("site/app.css");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/css");
        response.Content.Headers.ContentLength.ShouldBe(19);
        (await response.Content.ReadAsStringAsync()).ShouldBe("body { color: red }");
    }

    [Fact]
    public async Task Get_of_a_file_tree_file_returns_its_bytes()
    {
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        await using var server = HttpFixtureServer.Start(new FileTree().Add("bin/data.bin", bytes).Add("a.json", "{}"));
        using var client = server.CreateClient();

        (await client.GetByteArrayAsync("bin/data.bin")).ShouldBe(bytes);
        using var json = await client.GetAsync("a.json");
        json.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
    }

    [Fact]
    public async Task Head_returns_the_headers_of_get_and_no_body()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["page.html"] = "<p>twelve</p>" });
        using var client = server.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "page.html"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentLength.ShouldBe(13);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Unknown_extensions_are_served_as_octet_stream()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["blob.weird-ext"] = "?" });
        using var client = server.CreateClient();

        using var response = await client.GetAsync("blob.weird-ext");

        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/octet-stream");
    }

    [Fact]
    public async Task Missing_files_are_404_and_still_recorded()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" });
        using var client = server.CreateClient();

        using var response = await client.GetAsync("nope.txt");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var recorded = server.Requests.ShouldHaveSingleItem();
        recorded.Path.ShouldBe("/nope.txt");
        recorded.StatusCode.ShouldBe(404);
    }

    [Fact]
    public async Task Dot_files_such_as_well_known_configuration_are_served_from_directories_and_trees()
    {
        using var dir = new TempDirectory();
        dir.Write(".well-known/openid-configuration", """{"issuer":"disk"}""");
        await using var fromDisk = HttpFixtureServer.Start(dir.Path);
        await using var fromMemory = HttpFixtureServer.Start(new FileTree { [".well-known/openid-configuration"] = """{"issuer":"memory"}""" });
        using var client = new HttpClient();

        (await client.GetStringAsync(fromDisk.Url(".well-known/openid-configuration"))).ShouldBe("""{"issuer":"disk"}""");
        (await client.GetStringAsync(fromMemory.Url(".well-known/openid-configuration"))).ShouldBe("""{"issuer":"memory"}""");
    }

    [Fact]
    public async Task Files_added_to_a_tree_after_start_are_served_at_once()
    {
        var files = new FileTree();
        await using var server = HttpFixtureServer.Start(files);
        using var client = server.CreateClient();

        (await client.GetAsync("late.txt")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        files["late.txt"] = "here now";
        (await client.GetStringAsync("late.txt")).ShouldBe("here now");
        files["late.txt"] = "replaced";
        (await client.GetStringAsync("late.txt")).ShouldBe("replaced");
    }

    [Fact]
    public void FileTree_refuses_paths_that_leave_the_tree()
    {
        var files = new FileTree();

        Should.Throw<ArgumentException>(() => files.Add("../secret.txt", "x")).Message.ShouldContain("'..'");
        Should.Throw<ArgumentException>(() => files.Add("a//b.txt", "x"));
        Should.Throw<ArgumentException>(() => files.Add("dir/", "x"));
        files.Add("/lead/ing.txt", "ok").Add("win\\path.txt", "ok");
        files.ShouldBe(["lead/ing.txt", "win/path.txt"]);
    }

    [Fact]
    public async Task Curl_downloads_a_served_file_byte_for_byte()
    {
        var bytes = new byte[100_000];
        new Random(7).NextBytes(bytes);
        await using var server = HttpFixtureServer.Start(new FileTree().Add("random.bin", bytes));
        using var dir = new TempDirectory();
        var target = Path.Combine(dir.Path, "out.bin");

        var (exit, _, error) = await ExternalProcess.RunAsync("curl", "-sS", "-f", "-o", target, server.Url("random.bin").ToString());

        exit.ShouldBe(0, error);
        (await File.ReadAllBytesAsync(target)).ShouldBe(bytes);
    }
}
