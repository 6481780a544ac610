using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Files;

public sealed class RangeTests
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz";

    private static async Task<HttpResponseMessage> GetRangeAsync(HttpClient client, string path, string range, string? ifRange = null, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Range", range);
        if (ifRange is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Range", ifRange);
        }

        return await client.SendAsync(request);
    }

    public static TheoryData<string, string, string> SingleRanges => new()
    {
        { "bytes=0-4", "abcde", "bytes 0-4/26" },
        { "bytes=24-", "yz", "bytes 24-25/26" },
        { "bytes=-3", "xyz", "bytes 23-25/26" },
        { "bytes=20-100", "uvwxyz", "bytes 20-25/26" },
        { "bytes=-100", Alphabet, "bytes 0-25/26" },
        { "bytes=0-1,1-3", "abcd", "bytes 0-3/26" },
    };

    [Theory]
    [MemberData(nameof(SingleRanges))]
    public async Task Single_suffix_and_open_ranges_are_206_with_content_range(string range, string body, string contentRange)
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["abc.txt"] = Alphabet });
        using var client = server.CreateClient();

        using var response = await GetRangeAsync(client, "abc.txt", range);

        response.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        response.Content.Headers.GetValues("Content-Range").Single().ShouldBe(contentRange);
        response.Content.Headers.ContentLength.ShouldBe(body.Length);
        (await response.Content.ReadAsStringAsync()).ShouldBe(body);
    }

    [Fact]
    public async Task Files_say_they_accept_byte_ranges()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["abc.txt"] = Alphabet });
        using var client = server.CreateClient();

        using var response = await client.GetAsync("abc.txt");

        response.Headers.AcceptRanges.ShouldBe(["bytes"]);
    }

    [Fact]
    public async Task Several_ranges_are_multipart_byteranges_with_each_part_in_order()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["abc.txt"] = Alphabet });
        using var client = server.CreateClient();

        using var response = await GetRangeAsync(client, "abc.txt", "bytes=-2,0-2,10-11");

        response.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        var type = response.Content.Headers.ContentType!;
        type.MediaType.ShouldBe("multipart/byteranges");
        var boundary = type.Parameters.Single(p => p.Name == "boundary").Value!;
        var body = await response.Content.ReadAsStringAsync();
        response.Content.Headers.ContentLength.ShouldBe(Encoding.UTF8.GetByteCount(body));
        ParseParts(body, boundary).ShouldBe([("bytes 24-25/26", "yz"), ("bytes 0-2/26", "abc"), ("bytes 10-11/26", "kl")]);
    }

    [Fact]
    public async Task Unsatisfiable_ranges_are_416_with_the_length()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["abc.txt"] = Alphabet });
        using var client = server.CreateClient();

        using var response = await GetRangeAsync(client, "abc.txt", "bytes=26-30");

        response.StatusCode.ShouldBe(HttpStatusCode.RequestedRangeNotSatisfiable);
        response.Content.Headers.GetValues("Content-Range").Single().ShouldBe("bytes */26");
    }

    [Fact]
    public async Task Malformed_or_non_byte_ranges_and_head_requests_get_the_whole_file()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["abc.txt"] = Alphabet });
        using var client = server.CreateClient();

        foreach (var range in new[] { "bytes=5-2", "bytes=x-y", "lines=1-2" })
        {
            using var response = await GetRangeAsync(client, "abc.txt", range);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, range);
            (await response.Content.ReadAsStringAsync()).ShouldBe(Alphabet);
        }

        using var head = await GetRangeAsync(client, "abc.txt", "bytes=0-1", method: HttpMethod.Head);
        head.StatusCode.ShouldBe(HttpStatusCode.OK);
        head.Content.Headers.ContentLength.ShouldBe(26);
    }

    [Fact]
    public async Task If_range_with_the_current_validator_honours_the_range_and_a_stale_one_sends_everything()
    {
        var modified = new DateTimeOffset(2023, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var files = new FileTree().Add("abc.txt", Encoding.ASCII.GetBytes(Alphabet), modified);
        await using var server = HttpFixtureServer.Start(files);
        using var client = server.CreateClient();
        var etag = (await client.GetAsync("abc.txt")).Headers.ETag!.Tag;

        (await GetRangeAsync(client, "abc.txt", "bytes=0-0", etag)).StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await GetRangeAsync(client, "abc.txt", "bytes=0-0", "Mon, 02 Jan 2023 03:04:05 GMT")).StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await GetRangeAsync(client, "abc.txt", "bytes=0-0", "\"stale\"")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetRangeAsync(client, "abc.txt", "bytes=0-0", "Mon, 02 Jan 2023 03:04:06 GMT")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var weak = await GetRangeAsync(client, "abc.txt", "bytes=0-0", "W/" + etag);
        weak.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await weak.Content.ReadAsStringAsync()).ShouldBe(Alphabet);
    }

    [Fact]
    public async Task A_download_resumed_from_disk_joins_up_byte_for_byte()
    {
        var bytes = new byte[300_000];
        new Random(3).NextBytes(bytes);
        using var dir = new TempDirectory();
        await File.WriteAllBytesAsync(Path.Combine(dir.Path, "big.bin"), bytes);
        await using var server = HttpFixtureServer.Start(dir.Path);
        using var client = server.CreateClient();

        using var first = await GetRangeAsync(client, "big.bin", "bytes=0-99999");
        var etag = first.Headers.ETag!.Tag;
        using var rest = await GetRangeAsync(client, "big.bin", "bytes=100000-", etag);

        rest.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        rest.Content.Headers.ContentRange.ShouldBe(new ContentRangeHeaderValue(100_000, 299_999, 300_000) { Unit = "bytes" });
        byte[] joined = [.. await first.Content.ReadAsByteArrayAsync(), .. await rest.Content.ReadAsByteArrayAsync()];
        joined.ShouldBe(bytes);
    }

    [Fact]
    public async Task Python_http_client_gets_ranges_multipart_and_416()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["abc.txt"] = Alphabet });

        var answers = await PythonHttp.SendAsync(
            server,
            new PyRequest("GET", "/abc.txt", new() { ["Range"] = "bytes=-3" }),
            new PyRequest("GET", "/abc.txt", new() { ["Range"] = "bytes=0-0,25-" }),
            new PyRequest("GET", "/abc.txt", new() { ["Range"] = "bytes=99-" }));

        answers[0].Status.ShouldBe(206);
        answers[0].Text.ShouldBe("xyz");
        answers[0].Header("Content-Range").ShouldBe("bytes 23-25/26");
        answers[1].Status.ShouldBe(206);
        var boundary = answers[1].Header("Content-Type")!.Split("boundary=")[1];
        ParseParts(answers[1].Text, boundary).ShouldBe([("bytes 0-0/26", "a"), ("bytes 25-25/26", "z")]);
        answers[2].Status.ShouldBe(416);
        answers[2].Header("Content-Range").ShouldBe("bytes */26");
    }

    private static List<(string ContentRange, string Body)> ParseParts(string body, string boundary)
    {
        var parts = new List<(string, string)>();
        body.ShouldEndWith($"\r\n--{boundary}--\r\n");
        foreach (var part in body.Split($"--{boundary}"))
        {
            if (part.Length == 0 || part.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            var split = part.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var head = part[..split];
            var content = part[(split + 4)..];
            content = content.EndsWith("\r\n", StringComparison.Ordinal) ? content[..^2] : content;
            head.ShouldContain("Content-Type: text/plain; charset=utf-8");
            var range = head.Split("\r\n").Single(l => l.StartsWith("Content-Range: ", StringComparison.Ordinal))["Content-Range: ".Length..];
            parts.Add((range, content));
        }

        return parts;
    }
}
