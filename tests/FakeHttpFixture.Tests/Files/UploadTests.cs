using System.Net;
using System.Text;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Files;

public sealed class UploadTests
{
    public enum Tree
    {
        Directory,
        TempDirectory,
        FileTree,
    }

    private static HttpFixtureServer Start(Tree tree, TempDirectory dir, Action<HttpFixtureOptions>? configure = null) => tree switch
    {
        Tree.Directory => HttpFixtureServer.Start(dir.Path, configure ?? (o => o.AcceptUploads = true)),
        Tree.TempDirectory => HttpFixtureServer.Start(configure ?? (o => o.AcceptUploads = true)),
        _ => HttpFixtureServer.Start(new FileTree(), configure ?? (o => o.AcceptUploads = true)),
    };

    [Theory]
    [InlineData(Tree.Directory)]
    [InlineData(Tree.TempDirectory)]
    [InlineData(Tree.FileTree)]
    public async Task Put_creates_then_replaces_a_file_that_get_serves_and_delete_removes(Tree tree)
    {
        using var dir = new TempDirectory();
        await using var server = Start(tree, dir);
        using var client = server.CreateClient();

        using var created = await client.PutAsync("reports/2024/r%201.json?overwrite=yes", new StringContent("{\"v\":1}"));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        created.Headers.Location!.OriginalString.ShouldBe("/reports/2024/r%201.json");
        (await client.GetStringAsync("reports/2024/r%201.json")).ShouldBe("{\"v\":1}");

        (await client.PutAsync("reports/2024/r%201.json", new StringContent("{\"v\":2}"))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetStringAsync("reports/2024/r%201.json")).ShouldBe("{\"v\":2}");

        (await client.DeleteAsync("reports/2024/r%201.json")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync("reports/2024/r%201.json")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.DeleteAsync("reports/2024/r%201.json")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Uploaded_bytes_land_on_disk_exactly_and_leave_no_temp_file()
    {
        using var dir = new TempDirectory();
        await using var server = HttpFixtureServer.Start(dir.Path, o => o.AcceptUploads = true);
        using var client = server.CreateClient();
        var bytes = new byte[200_000];
        new Random(5).NextBytes(bytes);

        (await client.PutAsync("blob.bin", new ByteArrayContent(bytes))).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await File.ReadAllBytesAsync(Path.Combine(dir.Path, "blob.bin"))).ShouldBe(bytes);
        Directory.GetFiles(dir.Path).Select(Path.GetFileName).ShouldBe(["blob.bin"]);
        (await server.WaitForRequestAsync(r => r.Method == "PUT")).AnsweredBy.ShouldBe(ResponseSource.Upload);
    }

    [Theory]
    [InlineData(Tree.Directory)]
    [InlineData(Tree.FileTree)]
    public async Task Put_onto_a_directory_or_under_a_file_is_409(Tree tree)
    {
        using var dir = new TempDirectory();
        await using var server = Start(tree, dir);
        using var client = server.CreateClient();
        (await client.PutAsync("d/file.txt", new StringContent("x"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await client.PutAsync("d", new StringContent("x"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.PutAsync("d/", new StringContent("x"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.PutAsync("d/file.txt/inner.txt", new StringContent("x"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.DeleteAsync("d")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.GetStringAsync("d/file.txt")).ShouldBe("x");
    }

    [Fact]
    public async Task Without_accept_uploads_put_is_answered_by_the_fallback_and_stores_nothing()
    {
        using var dir = new TempDirectory();
        await using var server = HttpFixtureServer.Start(dir.Path);
        using var client = server.CreateClient();

        (await client.PutAsync("new.txt", new StringContent("x"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.DeleteAsync("new.txt")).StatusCode.ShouldBe(HttpStatusCode.OK);

        File.Exists(Path.Combine(dir.Path, "new.txt")).ShouldBeFalse();
        (await server.WaitForRequestAsync(r => r.Method == "PUT")).BodyText.ShouldBe("x");
    }

    [Fact]
    public async Task Uploads_cannot_write_or_delete_outside_the_root()
    {
        using var outer = new TempDirectory();
        var victim = outer.Write("victim.txt", "keep me");
        var root = Path.Combine(outer.Path, "root");
        Directory.CreateDirectory(root);
        File.CreateSymbolicLink(Path.Combine(root, "out"), outer.Path);
        await using var server = HttpFixtureServer.Start(root, o => o.AcceptUploads = true);

        foreach (var target in new[] { "/../victim.txt", "/%2e%2e/victim.txt", "/..%2fvictim.txt", "/..%5cvictim.txt", "/out/victim.txt", "/out/new.txt", "/%c0%ae%c0%ae/victim.txt" })
        {
            foreach (var method in new[] { "PUT", "DELETE" })
            {
                var response = await RawHttp.ExchangeAsync(server, $"{method} {target} HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nConnection: close\r\n\r\nevil");
                response.ShouldStartWith("HTTP/1.1 ", customMessage: target);
            }
        }

        (await File.ReadAllTextAsync(victim)).ShouldBe("keep me");
        File.Exists(Path.Combine(outer.Path, "new.txt")).ShouldBeFalse();
        Directory.GetFiles(outer.Path).Select(Path.GetFileName).ShouldBe(["victim.txt"]);
    }

    [Fact]
    public async Task Python_http_client_puts_gets_and_deletes()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.AcceptUploads = true);

        var answers = await PythonHttp.SendAsync(
            server,
            new PyRequest("PUT", "/up/note.txt", Body: Encoding.UTF8.GetBytes("from python")),
            new PyRequest("GET", "/up/note.txt"),
            new PyRequest("PUT", "/up/note.txt", Body: Encoding.UTF8.GetBytes("again")),
            new PyRequest("DELETE", "/up/note.txt"),
            new PyRequest("GET", "/up/note.txt"));

        answers.Select(a => a.Status).ShouldBe([201, 200, 204, 204, 404]);
        answers[1].Text.ShouldBe("from python");
    }
}
