using System.Net;
using System.Text;
using System.Text.Json;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Recording;

/// <summary>What SaveHar writes as a recording: response bodies as they went out, no secrets, and a file that diffs well.</summary>
public sealed class HarRecordingTests
{
    [Fact]
    public async Task Authorization_Cookie_and_Set_Cookie_are_redacted_in_the_har_and_kept_in_the_journal()
    {
        using var temp = new TempDirectory();
        await using var upstream = HttpFixtureServer.Start(new FileTree());
        upstream.Stub(HttpMethod.Get, "/me").Respond(StubResponse.Text("ada").WithHeader("Set-Cookie", "sid=s3cr3t-session; Path=/; HttpOnly"));
        await using var proxy = HttpFixtureServer.Start(o => o.ProxyTo(upstream.BaseAddress));
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = proxy.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "me");
        request.Headers.Add("Authorization", "Bearer t0ken-value");
        request.Headers.Add("Cookie", "theme=dark; csrf=c5rf-value");
        await client.SendAsync(request, TestContext.Current.CancellationToken);
        var path = Path.Combine(temp.Path, "me.har");

        proxy.SaveHar(path);

        var text = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        text.ShouldNotContain("t0ken-value");
        text.ShouldNotContain("c5rf-value");
        text.ShouldNotContain("s3cr3t-session");
        using var har = JsonDocument.Parse(text);
        var entry = har.RootElement.GetProperty("log").GetProperty("entries")[0];
        var requestHeaders = Pairs(entry.GetProperty("request").GetProperty("headers"));
        requestHeaders.ShouldContain(("Authorization", "Bearer REDACTED"));
        requestHeaders.ShouldContain(("Cookie", "theme=REDACTED; csrf=REDACTED"));
        Pairs(entry.GetProperty("request").GetProperty("cookies")).ShouldBe([("theme", "REDACTED"), ("csrf", "REDACTED")]);
        Pairs(entry.GetProperty("response").GetProperty("headers")).ShouldContain(("Set-Cookie", "sid=REDACTED; Path=/; HttpOnly"));
        Pairs(entry.GetProperty("response").GetProperty("cookies")).ShouldBe([("sid", "REDACTED")]);
        proxy.Requests[0].Header("Authorization").ShouldBe("Bearer t0ken-value", "the journal keeps every value for the test's assertions");
        upstream.Requests[0].Header("Authorization").ShouldBe("Bearer t0ken-value", "redaction is for recordings, not for what is forwarded");
    }

    [Fact]
    public async Task RedactedHeaders_takes_more_names_or_none()
    {
        using var temp = new TempDirectory();
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" }, o => o.RedactedHeaders.Add("X-Api-Key"));
        await using var open = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" }, o => o.RedactedHeaders.Clear());
        foreach (var target in new[] { server, open })
        {
            using var client = target.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, "a.txt");
            request.Headers.Add("X-Api-Key", "k-123");
            request.Headers.Add("Authorization", "Basic dXNlcjpwdw==");
            await client.SendAsync(request, TestContext.Current.CancellationToken);
        }

        var redacted = Path.Combine(temp.Path, "redacted.har");
        var kept = Path.Combine(temp.Path, "kept.har");
        server.SaveHar(redacted);
        open.SaveHar(kept);

        var redactedHeaders = RequestHeaders(redacted);
        redactedHeaders.ShouldContain(("X-Api-Key", "REDACTED"));
        redactedHeaders.ShouldContain(("Authorization", "Basic REDACTED"));
        var keptHeaders = RequestHeaders(kept);
        keptHeaders.ShouldContain(("X-Api-Key", "k-123"));
        keptHeaders.ShouldContain(("Authorization", "Basic dXNlcjpwdw=="));
    }

    [Fact]
    public async Task A_recording_diffs_well_indented_one_entry_per_exchange_text_bodies_as_text()
    {
        using var temp = new TempDirectory();
        await using var upstream = HttpFixtureServer.Start(new FileTree { ["page.html"] = "<p>Grüße & \"quotes\"</p>\n<p>line two</p>" });
        await using var proxy = HttpFixtureServer.Start(o => o.ProxyTo(upstream.BaseAddress));
        using var client = proxy.CreateClient();
        await client.GetStringAsync("page.html", TestContext.Current.CancellationToken);
        await client.GetStringAsync("page.html", TestContext.Current.CancellationToken);
        var path = Path.Combine(temp.Path, "page.har");

        proxy.SaveHar(path);

        var text = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        text.ShouldNotContain("\r");
        text.Split('\n').Length.ShouldBeGreaterThan(100, "one field a line");
        text.ShouldContain("\"text\": \"<p>Grüße & \\\"quotes\\\"</p>\\n<p>line two</p>\"");
        using var har = JsonDocument.Parse(text);
        har.RootElement.GetProperty("log").GetProperty("entries").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task Response_bodies_are_written_as_text_base64_or_still_compressed_with_their_coding()
    {
        using var temp = new TempDirectory();
        var gzip = Gzip.Compress("zipped text");
        await using var upstream = HttpFixtureServer.Start(new FileTree());
        upstream.Stub(HttpMethod.Get, "/text").Respond(StubResponse.Text("plain"));
        upstream.Stub(HttpMethod.Get, "/bin").Respond(StubResponse.Bytes([0, 159, 146, 150]));
        upstream.Stub(HttpMethod.Get, "/gz").Respond(StubResponse.Bytes(gzip, "text/plain").WithHeader("Content-Encoding", "gzip"));
        await using var proxy = HttpFixtureServer.Start(o => o.ProxyTo(upstream.BaseAddress));
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = proxy.BaseAddress };
        foreach (var path in new[] { "text", "bin", "gz" })
        {
            await client.GetByteArrayAsync(path, TestContext.Current.CancellationToken);
        }

        var file = Path.Combine(temp.Path, "bodies.har");
        proxy.SaveHar(file);

        using var har = JsonDocument.Parse(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken));
        var contents = har.RootElement.GetProperty("log").GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("response").GetProperty("content")).ToArray();
        contents[0].GetProperty("text").GetString().ShouldBe("plain");
        contents[0].TryGetProperty("encoding", out _).ShouldBeFalse();
        contents[1].GetProperty("encoding").GetString().ShouldBe("base64");
        contents[1].GetProperty("text").GetBytesFromBase64().ShouldBe(new byte[] { 0, 159, 146, 150 });
        contents[2].GetProperty("encoding").GetString().ShouldBe("base64");
        contents[2].GetProperty("text").GetBytesFromBase64().ShouldBe(gzip);
        contents[2].GetProperty("_contentEncoding").GetString().ShouldBe("gzip");
        contents[2].GetProperty("size").GetInt64().ShouldBe(gzip.Length);
    }

    [Fact]
    public async Task A_large_response_body_is_recorded_in_a_temp_file_like_a_large_request_body()
    {
        var bytes = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();
        await using var upstream = HttpFixtureServer.Start(new FileTree { ["big.bin"] = "" });
        upstream.Stub(HttpMethod.Get, "/big.bin").Respond(StubResponse.Bytes(bytes));
        await using var proxy = HttpFixtureServer.Start(o =>
        {
            o.ProxyTo(upstream.BaseAddress);
            o.BodyMemoryThreshold = 64 * 1024;
        });
        using var client = proxy.CreateClient();

        (await client.GetByteArrayAsync("big.bin", TestContext.Current.CancellationToken)).ShouldBe(bytes);

        var recorded = proxy.Requests.ShouldHaveSingleItem();
        recorded.ResponseBody.ShouldBe(bytes);
        await using (var stream = recorded.OpenResponseBody()!)
        {
            stream.ShouldBeOfType<FileStream>();
            stream.Length.ShouldBe(bytes.Length);
        }

        Directory.GetFiles(proxy.SpillDirectory!).Select(f => new FileInfo(f).Length).ShouldContain(bytes.Length);
    }

    [Fact]
    public async Task A_file_sent_by_the_files_stage_is_recorded_whole()
    {
        using var site = new TempDirectory();
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i % 251)).ToArray();
        await File.WriteAllBytesAsync(Path.Combine(site.Path, "data.bin"), bytes, TestContext.Current.CancellationToken);
        await using var server = HttpFixtureServer.Start(site.Path, o => o.RecordResponseBodies = true);
        using var client = server.CreateClient();

        (await client.GetByteArrayAsync("data.bin", TestContext.Current.CancellationToken)).ShouldBe(bytes);

        server.Requests.ShouldHaveSingleItem().ResponseBody.ShouldBe(bytes);
    }

    [Fact]
    public async Task An_upstream_failure_is_said_in_the_entrys_comment()
    {
        using var temp = new TempDirectory();
        await using var upstream = HttpFixtureServer.Start(new FileTree());
        upstream.Stub(HttpMethod.Get, "/boom").Respond(StubResponse.ResetConnection());
        await using var proxy = HttpFixtureServer.Start(o => o.ProxyTo(upstream.BaseAddress));
        using var client = proxy.CreateClient();
        await client.GetAsync("boom", TestContext.Current.CancellationToken);
        var file = Path.Combine(temp.Path, "boom.har");

        proxy.SaveHar(file);

        using var har = JsonDocument.Parse(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken));
        var response = har.RootElement.GetProperty("log").GetProperty("entries")[0].GetProperty("response");
        response.GetProperty("status").GetInt32().ShouldBe(502);
        response.GetProperty("comment").GetString().ShouldBe("The upstream failed (ConnectionReset), so FakeHttpFixture answered 502 itself.");
    }

    private static (string, string)[] RequestHeaders(string har)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(har));
        return Pairs(document.RootElement.GetProperty("log").GetProperty("entries")[0].GetProperty("request").GetProperty("headers"));
    }

    private static (string, string)[] Pairs(JsonElement array) =>
        array.EnumerateArray().Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("value").GetString()!)).ToArray();
}
