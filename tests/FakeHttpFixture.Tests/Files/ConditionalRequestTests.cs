using System.Net;
using System.Net.Http.Headers;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Files;

public sealed class ConditionalRequestTests
{
    private static readonly DateTimeOffset Modified = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);

    private static HttpFixtureServer StartTree() =>
        HttpFixtureServer.Start(new FileTree().Add("doc.txt", "hello"u8.ToArray(), Modified.AddMilliseconds(700)));

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, Action<HttpRequestHeaders> headers, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        headers(request.Headers);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task In_memory_file_has_the_given_last_modified_to_the_second_and_a_strong_content_etag()
    {
        await using var server = StartTree();
        using var client = server.CreateClient();

        using var response = await client.GetAsync("doc.txt");

        response.Content.Headers.LastModified.ShouldBe(Modified);
        response.Headers.ETag.ShouldNotBeNull();
        response.Headers.ETag.IsWeak.ShouldBeFalse();
    }

    [Fact]
    public async Task Etag_comes_from_content_same_bytes_same_tag_changed_bytes_new_tag()
    {
        var files = new FileTree().Add("a.txt", "same").Add("b.txt", "same");
        await using var server = HttpFixtureServer.Start(files);
        using var client = server.CreateClient();

        var a = (await client.GetAsync("a.txt")).Headers.ETag!.Tag;
        (await client.GetAsync("b.txt")).Headers.ETag!.Tag.ShouldBe(a);
        files["a.txt"] = "changed";
        (await client.GetAsync("a.txt")).Headers.ETag!.Tag.ShouldNotBe(a);
    }

    [Fact]
    public async Task If_none_match_with_the_current_etag_is_304_with_validators_and_no_body()
    {
        await using var server = StartTree();
        using var client = server.CreateClient();
        var etag = (await client.GetAsync("doc.txt")).Headers.ETag!;

        using var response = await GetAsync(client, "doc.txt", h => h.IfNoneMatch.Add(etag));

        response.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        response.Headers.ETag!.Tag.ShouldBe(etag.Tag);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task If_none_match_uses_weak_comparison_and_star()
    {
        await using var server = StartTree();
        using var client = server.CreateClient();
        var tag = (await client.GetAsync("doc.txt")).Headers.ETag!.Tag;

        (await GetAsync(client, "doc.txt", h => h.TryAddWithoutValidation("If-None-Match", $"\"other\", W/{tag}"))).StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await GetAsync(client, "doc.txt", h => h.TryAddWithoutValidation("If-None-Match", "*"))).StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await GetAsync(client, "doc.txt", h => h.TryAddWithoutValidation("If-None-Match", "\"other\""))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetAsync(client, "doc.txt", h => h.TryAddWithoutValidation("If-None-Match", tag), HttpMethod.Head)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task If_modified_since_is_304_at_or_after_last_modified_and_200_before()
    {
        await using var server = StartTree();
        using var client = server.CreateClient();

        (await GetAsync(client, "doc.txt", h => h.IfModifiedSince = Modified)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await GetAsync(client, "doc.txt", h => h.IfModifiedSince = Modified.AddHours(1))).StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await GetAsync(client, "doc.txt", h => h.IfModifiedSince = Modified.AddSeconds(-1))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task If_modified_since_is_ignored_when_if_none_match_is_present_or_the_date_is_invalid_or_in_the_future()
    {
        await using var server = StartTree();
        using var client = server.CreateClient();

        (await GetAsync(client, "doc.txt", h =>
        {
            h.IfModifiedSince = Modified.AddHours(1);
            h.TryAddWithoutValidation("If-None-Match", "\"not-it\"");
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetAsync(client, "doc.txt", h => h.TryAddWithoutValidation("If-Modified-Since", "yesterday-ish"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetAsync(client, "doc.txt", h => h.IfModifiedSince = DateTimeOffset.UtcNow.AddDays(2))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task If_match_and_if_unmodified_since_that_fail_are_412()
    {
        await using var server = StartTree();
        using var client = server.CreateClient();
        var tag = (await client.GetAsync("doc.txt")).Headers.ETag!.Tag;

        (await GetAsync(client, "doc.txt", h => h.TryAddWithoutValidation("If-Match", "\"stale\""))).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await GetAsync(client, "doc.txt", h => h.TryAddWithoutValidation("If-Match", $"W/{tag}"))).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await GetAsync(client, "doc.txt", h => h.TryAddWithoutValidation("If-Match", tag))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetAsync(client, "doc.txt", h => h.TryAddWithoutValidation("If-Match", "*"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetAsync(client, "doc.txt", h => h.IfUnmodifiedSince = Modified.AddSeconds(-1))).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await GetAsync(client, "doc.txt", h => h.IfUnmodifiedSince = Modified)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Files_on_disk_have_validators_that_change_when_the_file_changes()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("data.json", "{}");
        File.SetLastWriteTimeUtc(path, Modified.UtcDateTime);
        await using var server = HttpFixtureServer.Start(dir.Path);
        using var client = server.CreateClient();

        using var first = await client.GetAsync("data.json");
        first.Content.Headers.LastModified.ShouldBe(Modified);
        var etag = first.Headers.ETag!;
        (await GetAsync(client, "data.json", h => h.IfNoneMatch.Add(etag))).StatusCode.ShouldBe(HttpStatusCode.NotModified);

        await File.WriteAllTextAsync(path, "{\"v\":2}");
        using var second = await GetAsync(client, "data.json", h => h.IfNoneMatch.Add(etag));
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.Content.ReadAsStringAsync()).ShouldBe("{\"v\":2}");
    }

    [Fact]
    public async Task Python_http_client_sees_the_same_validators_and_conditional_answers()
    {
        await using var server = StartTree();

        var plain = await PythonHttp.SendAsync(server, "GET", "/doc.txt");
        plain.Header("Last-Modified").ShouldBe("Mon, 06 May 2024 07:08:09 GMT");
        var etag = plain.Header("ETag").ShouldNotBeNull();
        var answers = await PythonHttp.SendAsync(
            server,
            new PyRequest("GET", "/doc.txt", new() { ["If-None-Match"] = etag }),
            new PyRequest("GET", "/doc.txt", new() { ["If-Modified-Since"] = "Mon, 06 May 2024 07:08:09 GMT" }),
            new PyRequest("GET", "/doc.txt", new() { ["If-Modified-Since"] = "Mon, 06 May 2024 07:08:09 GMT", ["If-None-Match"] = "\"x\"" }),
            new PyRequest("GET", "/doc.txt", new() { ["If-Match"] = "\"x\"" }),
            new PyRequest("GET", "/doc.txt", new() { ["If-Unmodified-Since"] = "Sun, 05 May 2024 00:00:00 GMT" }));

        answers.Select(a => a.Status).ShouldBe([304, 304, 200, 412, 412]);
        answers[0].Body.ShouldBeEmpty();
        answers[2].Text.ShouldBe("hello");
    }
}
