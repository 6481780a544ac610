using System.Net;
using FakeHttpFixture.Tests.Files;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Docs;

/// <summary>The code of docs/serving-files.md, run as tests so the page cannot drift from the API.</summary>
[Collection(WorkingDirectoryCollection.Name)]
public sealed class ServingFilesSnippets
{
    [Fact]
    public async Task Three_trees_to_serve()
    {
        using var workingDirectory = new ScratchWorkingDirectory();   // "fixtures/site" lands in a temp directory, not in bin/
        Directory.CreateDirectory("fixtures/site");
        await File.WriteAllTextAsync("fixtures/site/.serving-files-doc", "dot-file");
        string scratchRoot;
        {
            // a directory, served as it is on disk (dot-files included)
            await using var site = HttpFixtureServer.Start("fixtures/site");

            // an in-memory tree: nothing written to disk
            var files = new FileTree { ["index.html"] = "<h1>hi</h1>", ["api/data.json"] = "{}" };
            await using var memory = HttpFixtureServer.Start(files);

            // a fresh temp directory (RootDirectory), deleted on dispose
            await using var scratch = HttpFixtureServer.Start();
            File.WriteAllText(Path.Combine(scratch.RootDirectory!, "late.txt"), "served at once");

            using var client = new HttpClient();
            (await client.GetStringAsync(site.Url(".serving-files-doc"))).ShouldBe("dot-file");
            (await client.GetStringAsync(memory.Url("/"))).ShouldBe("<h1>hi</h1>");
            (await client.GetStringAsync(memory.Url("api/data.json"))).ShouldBe("{}");
            (await client.GetStringAsync(scratch.Url("late.txt"))).ShouldBe("served at once");
            memory.RootDirectory.ShouldBeNull();
            scratchRoot = scratch.RootDirectory!;
        }

        Directory.Exists(scratchRoot).ShouldBeFalse();
    }

    [Fact]
    public async Task Each_server_changes_its_own_content_types()
    {
        var files = new FileTree { ["a.fixture"] = "x", ["b.json"] = "{}", ["c.js"] = "1" };

        await using var server = HttpFixtureServer.Start(files, o =>
        {
            o.ContentTypes[".fixture"] = "application/vnd.test+json";
            o.ContentTypes[".JSON"] = "application/problem+json"; // keys are case-insensitive
            o.ContentTypes.Remove(".js");                          // now application/octet-stream
        });
        await using var plain = HttpFixtureServer.Start(files);
        using var client = new HttpClient();

        async Task<string> TypeAsync(HttpFixtureServer s, string path)
        {
            using var response = await client.GetAsync(s.Url(path));
            return response.Content.Headers.ContentType!.ToString();
        }

        (await TypeAsync(server, "a.fixture")).ShouldBe("application/vnd.test+json");
        (await TypeAsync(server, "b.json")).ShouldBe("application/problem+json");
        (await TypeAsync(server, "c.js")).ShouldBe("application/octet-stream");
        (await TypeAsync(plain, "b.json")).ShouldBe("application/json");
        (await TypeAsync(plain, "c.js")).ShouldBe("text/javascript; charset=utf-8");
    }

    [Fact]
    public async Task An_in_memory_file_has_the_modification_time_it_was_given()
    {
        var files = new FileTree().Add("doc.txt", "hello"u8.ToArray(), new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero));
        await using var server = HttpFixtureServer.Start(files);
        using var client = server.CreateClient();

        using var response = await client.GetAsync("doc.txt");

        response.Content.Headers.LastModified.ShouldBe(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero));
        response.Headers.ETag.ShouldNotBeNull().IsWeak.ShouldBeFalse();
        response.Headers.AcceptRanges.ShouldBe(["bytes"]);
        (await response.Content.ReadAsStringAsync()).ShouldBe("hello");
    }

    [Fact]
    public async Task A_file_tree_changes_while_the_server_runs()
    {
        using var workingDirectory = new ScratchWorkingDirectory();
        Directory.CreateDirectory("fixtures/site");
        await File.WriteAllTextAsync("fixtures/site/tree-snapshot.txt", "copied");
        byte[] pngBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        using var stream = new MemoryStream("skipped|the rest"u8.ToArray());
        stream.Position = "skipped|".Length;

        var files = new FileTree();
        await using var server = HttpFixtureServer.Start(files);
        files["late.txt"] = "here now";                       // add (UTF-8 text)
        files.Add("img/logo.png", pngBytes);                  // bytes; the tree keeps the array, do not change it afterwards
        files.Add("big.bin", stream);                         // the rest of a stream, read now
        files.AddEmbeddedResource("api/embedded.json", typeof(FileTreeTests).Assembly, "FakeHttpFixture.Tests.Files.embedded.json");
        files.AddDirectory("fixtures/site", "static");        // a snapshot copy of a directory, keeping modification times
        files.Remove("late.txt");                             // 404 from now on

        using var client = server.CreateClient();
        (await client.GetByteArrayAsync("img/logo.png")).ShouldBe(pngBytes);
        (await client.GetStringAsync("big.bin")).ShouldBe("the rest");
        (await client.GetStringAsync("api/embedded.json")).ShouldBe("{\"embedded\":true}\n");
        (await client.GetStringAsync("static/tree-snapshot.txt")).ShouldBe("copied");
        using var modified = await client.GetAsync("static/tree-snapshot.txt");
        modified.Content.Headers.LastModified.ShouldBe(TruncatedToSeconds(File.GetLastWriteTimeUtc("fixtures/site/tree-snapshot.txt")));
        (await client.GetAsync("late.txt")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Should.Throw<ArgumentException>(() => files.Add("../outside.txt", "x"));
    }

    [Fact]
    public async Task Uploads_create_replace_and_delete_files()
    {
        await using var server = HttpFixtureServer.Start(o => o.AcceptUploads = true);
        using var client = server.CreateClient();
        await client.PutAsync("reports/r1.json", new StringContent("{\"v\":1}"));   // 201 Created, Location: /reports/r1.json
        await client.PutAsync("reports/r1.json", new StringContent("{\"v\":2}"));   // 204: replaced
        await client.DeleteAsync("reports/r1.json");                                // 204; 404 when it is not there

        await client.DeleteAsync("reports/r1.json");
        server.Requests.Select(r => r.StatusCode).ShouldBe([201, 204, 204, 404]);
        server.Requests[0].ResponseHeaders["Location"].ShouldBe(["/reports/r1.json"]);
        server.Requests.ShouldAllBe(r => r.AnsweredBy == ResponseSource.Upload);
        (await client.GetAsync("reports/r1.json")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_AcceptUploads_put_stores_nothing()
    {
        await using var server = HttpFixtureServer.Start();
        using var client = server.CreateClient();

        using var put = await client.PutAsync("reports/r1.json", new StringContent("{}"));

        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("reports/r1.json")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static DateTimeOffset TruncatedToSeconds(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
