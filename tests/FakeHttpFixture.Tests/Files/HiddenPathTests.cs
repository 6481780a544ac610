using System.Globalization;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Files;

/// <summary>
/// Issue 21, item 3: fakehttp's record directory and HAR file, even inside the served directory, are never served, listed or
/// writable over HTTP (<see cref="HttpFixtureOptions.HiddenPaths"/>, which fakehttp sets). curl asks with --path-as-is, so
/// "a/../" spellings reach the server as typed.
/// </summary>
[Trait("Category", "Security")]
public sealed class HiddenPathTests
{
    [Fact]
    public async Task A_hidden_directory_and_file_are_404_unlisted_and_refuse_put_and_delete_however_they_are_reached()
    {
        using var dir = new TempDirectory();
        dir.Write("rec/index.jsonl", "{\"secret\":\"Authorization: Bearer s3cr3t\"}\n");
        dir.Write("rec/000001.body", "secret body");
        dir.Write("requests.har", "{\"secret\":true}");
        dir.Write("public.txt", "public");
        dir.Write("docs/readme.txt", "readme");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "docs", "link-to-rec"), Path.Combine(dir.Path, "rec"));
        File.CreateSymbolicLink(Path.Combine(dir.Path, "har-link"), Path.Combine(dir.Path, "requests.har"));
        await using var server = HttpFixtureServer.Start(dir.Path, o =>
        {
            o.AcceptUploads = true;
            o.HiddenPaths.Add(Path.Combine(dir.Path, "rec"));
            o.HiddenPaths.Add(Path.Combine(dir.Path, "requests.har"));
        });

        string[] hidden = ["rec/index.jsonl", "rec/000001.body", "rec/", "rec", "requests.har", "docs/../rec/index.jsonl", "REC/../rec/index.jsonl", "docs/link-to-rec/index.jsonl", "docs/link-to-rec/", "har-link", "rec/new.body"];
        foreach (var path in hidden)
        {
            var (status, body) = await CurlAsync(server.Url(path).ToString());
            (path, status).ShouldBe((path, 404));
            body.ShouldNotContain("secret");
        }

        foreach (var listing in new[] { "/", "docs/" })
        {
            var (status, page) = await CurlAsync(server.Url(listing).ToString());
            status.ShouldBe(200);
            foreach (var name in new[] { "\"rec/", "link-to-rec", "requests.har", "har-link" })
            {
                page.Contains(name, StringComparison.Ordinal).ShouldBeFalse($"{listing} lists {name}");
            }

            page.Contains(listing == "/" ? "public.txt" : "readme.txt", StringComparison.Ordinal).ShouldBeTrue();
        }

        (await CurlAsync("-X", "PUT", "--data-binary", "overwritten", server.Url("rec/index.jsonl").ToString())).Status.ShouldBe(403);
        (await CurlAsync("-X", "PUT", "--data-binary", "planted", server.Url("rec/planted.body").ToString())).Status.ShouldBe(403);
        (await CurlAsync("-X", "PUT", "--data-binary", "overwritten", server.Url("docs/link-to-rec/index.jsonl").ToString())).Status.ShouldBe(403);
        (await CurlAsync("-X", "PUT", "--data-binary", "overwritten", server.Url("requests.har").ToString())).Status.ShouldBe(403);
        (await CurlAsync("-X", "DELETE", server.Url("rec/index.jsonl").ToString())).Status.ShouldBe(403);
        (await CurlAsync("-X", "DELETE", server.Url("requests.har").ToString())).Status.ShouldBe(403);

        File.ReadAllText(Path.Combine(dir.Path, "rec", "index.jsonl")).ShouldContain("secret");
        File.Exists(Path.Combine(dir.Path, "rec", "planted.body")).ShouldBeFalse();
        File.ReadAllText(Path.Combine(dir.Path, "requests.har")).ShouldBe("{\"secret\":true}");
        (await CurlAsync(server.Url("public.txt").ToString())).ShouldBe((200, "public"));
        (await CurlAsync("-X", "PUT", "--data-binary", "new", server.Url("docs/new.txt").ToString())).Status.ShouldBe(201);
        server.Requests.ShouldAllBe(r => r.StatusCode == 404 || r.StatusCode == 403 || r.StatusCode == 200 || r.StatusCode == 201);
    }

    [Fact]
    public async Task A_server_that_serves_the_temp_folder_never_serves_or_lists_its_own_spilled_bodies()
    {
        await using var server = HttpFixtureServer.Start(Path.GetTempPath(), o => o.BodyMemoryThreshold = 0);
        (await CurlAsync("--data-binary", "another client's upload", server.Url("upload").ToString())).Status.ShouldBe(200);
        var spill = server.SpillDirectory.ShouldNotBeNull();
        var name = Path.GetFileName(spill);
        var body = Path.GetFileName(Directory.GetFiles(spill).ShouldHaveSingleItem());

        (await CurlAsync(server.Url($"{name}/{body}").ToString())).Status.ShouldBe(404);
        (await CurlAsync(server.Url($"{name}/").ToString())).Status.ShouldBe(404);
        var (status, listing) = await CurlAsync(server.BaseAddress.ToString());
        status.ShouldBe(200);
        listing.Contains(name, StringComparison.Ordinal).ShouldBeFalse();
        server.Requests[0].BodyText.ShouldBe("another client's upload");
    }

    private static async Task<(int Status, string Body)> CurlAsync(params string[] arguments)
    {
        var (exit, output, error) = await ExternalProcess.RunAsync("curl", ["-sS", "--path-as-is", "-w", "\n%{http_code}", .. arguments]);
        exit.ShouldBe(0, error);
        var split = output.LastIndexOf('\n');
        return (int.Parse(output[(split + 1)..], CultureInfo.InvariantCulture), output[..split]);
    }
}
