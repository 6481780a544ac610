using System.Net;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Files;

/// <summary>
/// Small files of a served directory are answered from memory once they have settled; every change a test makes on disk
/// must still be served at once, including rewrites that keep the length.
/// </summary>
public sealed class DirectoryFileCacheTests
{
    private static readonly DateTime LongAgo = new(2024, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc);

    [Fact]
    public async Task Same_length_rewrite_of_a_settled_file_is_served_at_once()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("data.txt", "aaaa");
        File.SetLastWriteTimeUtc(path, LongAgo);
        await using var server = HttpFixtureServer.Start(dir.Path);
        using var client = server.CreateClient();
        (await client.GetStringAsync("data.txt")).ShouldBe("aaaa");
        (await client.GetStringAsync("data.txt")).ShouldBe("aaaa");

        File.WriteAllText(path, "bbbb");

        (await client.GetStringAsync("data.txt")).ShouldBe("bbbb");
    }

    [Fact]
    public async Task Same_length_rewrite_right_after_a_get_is_served_at_once()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("data.txt", "aaaa");
        await using var server = HttpFixtureServer.Start(dir.Path);
        using var client = server.CreateClient();

        for (var i = 0; i < 20; i++)
        {
            var text = i % 2 == 0 ? "cccc" : "dddd";
            File.WriteAllText(path, text);
            (await client.GetStringAsync("data.txt")).ShouldBe(text);
        }
    }

    [Fact]
    public async Task Deleted_file_is_404_after_it_was_served()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("gone.txt", "here");
        File.SetLastWriteTimeUtc(path, LongAgo);
        await using var server = HttpFixtureServer.Start(dir.Path);
        using var client = server.CreateClient();
        (await client.GetStringAsync("gone.txt")).ShouldBe("here");

        File.Delete(path);

        using var response = await client.GetAsync("gone.txt");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Link_pointed_at_another_file_of_the_same_length_and_time_serves_the_new_target()
    {
        using var dir = new TempDirectory();
        var first = dir.Write("first.txt", "one!");
        var second = dir.Write("second.txt", "two!");
        File.SetLastWriteTimeUtc(first, LongAgo);
        File.SetLastWriteTimeUtc(second, LongAgo);
        var link = Path.Combine(dir.Path, "current.txt");
        File.CreateSymbolicLink(link, first);
        await using var server = HttpFixtureServer.Start(dir.Path);
        using var client = server.CreateClient();
        (await client.GetStringAsync("current.txt")).ShouldBe("one!");

        File.Delete(link);
        File.CreateSymbolicLink(link, second);

        (await client.GetStringAsync("current.txt")).ShouldBe("two!");
    }

    [Fact]
    public async Task Cached_file_keeps_the_validators_of_a_file_on_disk()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("doc.txt", "validators");
        File.SetLastWriteTimeUtc(path, LongAgo);
        await using var server = HttpFixtureServer.Start(dir.Path);
        using var client = server.CreateClient();
        using var first = await client.GetAsync("doc.txt");

        using var second = await client.GetAsync("doc.txt");

        first.Headers.ETag.ShouldNotBeNull("a file from disk has an ETag");
        second.Headers.ETag.ShouldBe(first.Headers.ETag);
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "doc.txt") { Headers = { IfNoneMatch = { first.Headers.ETag } } };
        using var third = await client.SendAsync(revalidate);
        third.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotModified, "the cached file answers its own ETag with 304");
        second.Content.Headers.LastModified.ShouldBe(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero));
        second.Content.Headers.ContentLength.ShouldBe(10);
        (await second.Content.ReadAsStringAsync()).ShouldBe("validators");
    }
}
