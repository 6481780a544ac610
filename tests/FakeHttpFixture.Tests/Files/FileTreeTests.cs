using System.Net;
using System.Text;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Files;

public sealed class FileTreeTests
{
    [Fact]
    public async Task Files_removed_while_running_are_404_at_once()
    {
        var files = new FileTree { ["gone.txt"] = "here", ["dir/only.txt"] = "x" };
        await using var server = HttpFixtureServer.Start(files);
        using var client = server.CreateClient();
        (await client.GetStringAsync("gone.txt")).ShouldBe("here");

        files.Remove("gone.txt").ShouldBeTrue();
        files.Remove("/dir/only.txt").ShouldBeTrue();
        files.Remove("gone.txt").ShouldBeFalse();

        (await client.GetAsync("gone.txt")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("dir/")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        files.Contains("gone.txt").ShouldBeFalse();
    }

    [Fact]
    public void Count_is_the_number_of_files_held_and_a_replaced_path_counts_once()
    {
        var files = new FileTree { ["a.txt"] = "a", ["dir/b.txt"] = "b" };
        files.Count.ShouldBe(2);

        files["/a.txt"] = "replaced";
        files.Add("dir/c.bin", [1, 2, 3]);
        files.Count.ShouldBe(3);

        files.Remove("dir/b.txt");
        files.Count.ShouldBe(2);
        files.Count.ShouldBe(files.Count());
    }

    [Fact]
    public async Task Streams_and_embedded_resources_become_files()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("streamed"));
        var files = new FileTree()
            .Add("s.txt", stream)
            .AddEmbeddedResource("api/embedded.json", typeof(FileTreeTests).Assembly, "FakeHttpFixture.Tests.Files.embedded.json");
        await using var server = HttpFixtureServer.Start(files);
        using var client = server.CreateClient();

        (await client.GetStringAsync("s.txt")).ShouldBe("streamed");
        (await client.GetStringAsync("api/embedded.json")).ShouldBe("{\"embedded\":true}\n");
    }

    [Fact]
    public void A_missing_embedded_resource_is_a_clear_error_listing_what_exists()
    {
        var error = Should.Throw<ArgumentException>(() => new FileTree().AddEmbeddedResource("x.json", typeof(FileTreeTests).Assembly, "Nope.json"));

        error.Message.ShouldContain("'Nope.json'");
        error.Message.ShouldContain("FakeHttpFixture.Tests.Files.embedded.json");
    }

    [Fact]
    public async Task A_copied_directory_keeps_times_and_ignores_later_changes_on_disk()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("nested/page.html", "<p>v1</p>");
        dir.Write(".hidden", "h");
        var modified = new DateTime(2021, 6, 7, 8, 9, 10, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, modified);
        var files = new FileTree().AddDirectory(dir.Path, "static");
        await File.WriteAllTextAsync(path, "<p>v2</p>");
        await using var server = HttpFixtureServer.Start(files);
        using var client = server.CreateClient();

        files.ShouldBe(["static/.hidden", "static/nested/page.html"]);
        using var response = await client.GetAsync("static/nested/page.html");
        (await response.Content.ReadAsStringAsync()).ShouldBe("<p>v1</p>");
        response.Content.Headers.LastModified.ShouldBe(new DateTimeOffset(modified));
    }

    [Fact]
    public async Task Last_modified_is_fixed_when_added_and_stays_the_same_on_every_request()
    {
        var files = new FileTree { ["a.txt"] = "a" };
        await using var server = HttpFixtureServer.Start(files);
        using var client = server.CreateClient();

        using var first = await client.GetAsync("a.txt");
        using var second = await client.GetAsync("a.txt");

        first.Content.Headers.LastModified.ShouldNotBeNull();
        second.Content.Headers.LastModified.ShouldBe(first.Content.Headers.LastModified);
        second.Headers.ETag.ShouldBe(first.Headers.ETag);
    }

    [Fact]
    public async Task An_in_memory_files_etag_follows_its_content_byte_for_byte()
    {
        var content = Enumerable.Range(0, 4099).Select(i => (byte)(i * 31)).ToArray();
        byte[] Changed(int index)
        {
            var copy = content.ToArray();
            copy[index] ^= 1;
            return copy;
        }

        var files = new FileTree()
            .Add("a.bin", content)
            .Add("copy/a.bin", content.ToArray())
            .Add("first.bin", Changed(0))
            .Add("middle.bin", Changed(2048))
            .Add("last.bin", Changed(4098))
            .Add("longer.bin", [.. content, 0])
            .Add("shorter.bin", content[..^1])
            .Add("empty.bin", []);
        await using var server = HttpFixtureServer.Start(files);
        using var client = server.CreateClient();

        async Task<string> ETagOf(string path)
        {
            using var response = await client.GetAsync(path);
            return response.Headers.ETag!.Tag;
        }

        // Equal bytes, equal tags: a cache keeps what it has.
        (await ETagOf("copy/a.bin")).ShouldBe(await ETagOf("a.bin"));

        // One bit flipped anywhere, or one byte more or less, is another version.
        string[] others = [await ETagOf("first.bin"), await ETagOf("middle.bin"), await ETagOf("last.bin"), await ETagOf("longer.bin"), await ETagOf("shorter.bin"), await ETagOf("empty.bin")];
        others.ShouldNotContain(await ETagOf("a.bin"));
        others.Distinct().Count().ShouldBe(others.Length);

        // A replaced file of the same length no longer answers 304 to the tag of the old one.
        var old = await ETagOf("a.bin");
        files.Add("a.bin", Changed(100));
        using var request = new HttpRequestMessage(HttpMethod.Get, "a.bin");
        request.Headers.IfNoneMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Parse(old));
        using var revalidated = await client.SendAsync(request);
        revalidated.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await revalidated.Content.ReadAsByteArrayAsync()).ShouldBe(Changed(100));
    }

    [Fact]
    public async Task A_file_replaced_under_concurrent_gets_is_always_served_whole_with_its_own_etag()
    {
        var versions = Enumerable.Range(0, 20).Select(i => new string((char)('a' + i), 5000 + i)).ToArray();
        var files = new FileTree { ["v.txt"] = versions[0] };
        await using var server = HttpFixtureServer.Start(files);
        var etags = new System.Collections.Concurrent.ConcurrentDictionary<string, string>();
        var replacements = 0;

        async Task ReadAsync()
        {
            using var client = server.CreateClient();
            for (var i = 0; i < 40; i++)
            {
                using var response = await client.GetAsync("v.txt");
                var body = await response.Content.ReadAsStringAsync();
                body.ShouldBeOneOf(versions);
                response.Content.Headers.ContentLength.ShouldBe(body.Length);
                etags.GetOrAdd(body, response.Headers.ETag!.Tag).ShouldBe(response.Headers.ETag!.Tag);

                // Every reader also replaces the file, so replacements race with the other readers' requests.
                files["v.txt"] = versions[Interlocked.Increment(ref replacements) % versions.Length];
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(ReadAsync)));
        etags.Values.Distinct().Count().ShouldBe(etags.Count);
    }

    [Fact]
    public void Names_no_request_could_reach_are_refused_when_added()
    {
        var files = new FileTree();

        Should.Throw<ArgumentException>(() => files.Add("c:/x.txt", "x")).Message.ShouldContain("colon");
        Should.Throw<ArgumentException>(() => files.Add("dir/CON.txt", "x"));
        Should.Throw<ArgumentException>(() => files.Add("trailing.", "x"));
    }

    [Fact]
    public async Task Python_http_client_gets_and_heads_tree_files()
    {
        var files = new FileTree { ["hello.txt"] = "hello, python", ["old.txt"] = "old" };
        await using var server = HttpFixtureServer.Start(files);
        files["late/new.txt"] = "added while running";
        files.Remove("old.txt");

        var answers = await PythonHttp.SendAsync(
            server,
            new PyRequest("GET", "/hello.txt"),
            new PyRequest("HEAD", "/hello.txt"),
            new PyRequest("GET", "/missing.txt"),
            new PyRequest("GET", "/late/new.txt"),
            new PyRequest("GET", "/old.txt"));

        answers[0].Text.ShouldBe("hello, python");
        answers[1].Status.ShouldBe(200);
        answers[1].Header("Content-Length").ShouldBe("13");
        answers[1].Body.ShouldBeEmpty();
        answers[2].Status.ShouldBe(404);
        answers[3].Text.ShouldBe("added while running");
        answers[4].Status.ShouldBe(404);
    }
}
