using System.Net.Http.Json;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Docs;

/// <summary>The code of README.md and docs/getting-started.md, run as tests so the docs cannot drift from the API.</summary>
[Collection(WorkingDirectoryCollection.Name)]
public sealed class GettingStartedSnippets
{
    private sealed record Order(string Item, int Quantity);

    [Fact]
    public async Task Readme_example_serves_a_file_and_records_a_post()
    {
        await using var srv = HttpFixtureServer.Start(new FileTree { ["config.json"] = """{ "retries": 3 }""" });
        using var client = srv.CreateClient();

        var config = await client.GetStringAsync("config.json");                 // served from memory
        await client.PostAsJsonAsync("orders", new { Item = "book", Quantity = 2 }); // the code under test

        var post = await srv.WaitForRequestAsync(r => r.Method == "POST");
        post.Path.ShouldBe("/orders");
        post.BodyJson<Order>().ShouldBe(new Order("book", 2));
        config.ShouldContain("retries");
    }

    [Fact]
    public async Task Getting_started_three_ways_to_serve()
    {
        using var workingDirectory = new ScratchWorkingDirectory();   // "fixtures/site" lands in a temp directory, not in bin/
        Directory.CreateDirectory("fixtures/site");
        await File.WriteAllTextAsync("fixtures/site/index.html", "<h1>site</h1>");

        // A directory, served as it is on disk (dot-files included).
        await using var site = HttpFixtureServer.Start("fixtures/site");

        // An in-memory tree: nothing on disk, and changes are served at once.
        var files = new FileTree { ["api/items.json"] = "[1,2,3]" };
        await using var api = HttpFixtureServer.Start(files);
        files["api/items.json"] = "[]";

        // A fresh temp directory (srv.RootDirectory), deleted on dispose.
        await using var scratch = HttpFixtureServer.Start();
        File.WriteAllText(Path.Combine(scratch.RootDirectory!, "late.txt"), "served at once");

        using var client = new HttpClient();
        (await client.GetStringAsync(site.Url("index.html"))).ShouldBe("<h1>site</h1>");
        (await client.GetStringAsync(api.Url("api/items.json"))).ShouldBe("[]");
        (await client.GetStringAsync(scratch.Url("late.txt"))).ShouldBe("served at once");
    }

    [Fact]
    public async Task Getting_started_assert_what_arrived()
    {
        await using var srv = HttpFixtureServer.Start(new FileTree());
        using var client = srv.CreateClient();
        var expectedJson = """{"id":1}""";
        await client.GetAsync("a");
        await client.GetAsync("b");
        await client.PutAsync("items/1", new StringContent(expectedJson, System.Text.Encoding.UTF8, "application/json"));

        var put = await srv.WaitForRequestAsync(r => r.Method == "PUT");   // earliest match, recorded or yet to come
        put.Header("Content-Type").ShouldBe("application/json; charset=utf-8");
        put.BodyText.ShouldBe(expectedJson);
        srv.Requests.Count.ShouldBe(3);                                     // a snapshot, in arrival order
    }
}
