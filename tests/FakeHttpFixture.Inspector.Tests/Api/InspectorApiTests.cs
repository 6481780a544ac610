using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FakeHttpFixture.Inspector.Tests.Support;

namespace FakeHttpFixture.Inspector.Tests.Api;

public sealed class InspectorApiTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_shows_each_request_with_its_stage_status_and_sizes()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "hello" }, o => o.EnableInspector());
        server.Stub(HttpMethod.Post, "/orders").Respond(StubResponse.Json(new { id = 7 }).WithStatus(201));
        using var client = server.CreateClient();

        await client.GetStringAsync("a.txt?x=1", Cancel);
        (await client.PostAsJsonAsync("orders", new { item = "book" }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.GetAsync("missing", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await server.WaitForCompletionAsync(server.Requests[2]);

        var list = await InspectorClient.GetJsonAsync(server, "api/requests");
        list.GetArrayLength().ShouldBe(3);
        var file = list[0];
        file.GetProperty("seq").GetInt64().ShouldBe(1);
        file.GetProperty("method").GetString().ShouldBe("GET");
        file.GetProperty("target").GetString().ShouldBe("/a.txt?x=1");
        file.GetProperty("status").GetInt32().ShouldBe(200);
        file.GetProperty("stage").GetString().ShouldBe("file");
        file.GetProperty("responseSize").GetInt64().ShouldBe(5);
        file.GetProperty("durationMs").GetDouble().ShouldBeGreaterThan(0);
        file.GetProperty("unanswered").GetBoolean().ShouldBeFalse();
        list[1].GetProperty("stage").GetString().ShouldBe("stub");
        list[1].GetProperty("requestSize").GetInt64().ShouldBe("""{"item":"book"}""".Length);
        list[2].GetProperty("stage").GetString().ShouldBe("fallback");
        list[2].GetProperty("unanswered").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Inspector_requests_stay_out_of_the_journal_the_har_and_Verify()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o =>
        {
            o.EnableInspector();
            o.Strict = true;
        });
        using var client = new HttpClient { BaseAddress = server.InspectorAddress };

        (await client.GetStringAsync(string.Empty, Cancel)).ShouldContain("FakeHttpFixture inspector");
        await client.GetStringAsync("inspector.js", Cancel);
        await client.GetStringAsync("api/requests", Cancel);
        await client.GetStringAsync("api/stubs", Cancel);
        var har = await client.GetStringAsync("api/har", Cancel);
        (await client.GetAsync("api/requests/1", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("no-such-page", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        server.Requests.ShouldBeEmpty();
        using var document = JsonDocument.Parse(har);
        document.RootElement.GetProperty("log").GetProperty("entries").GetArrayLength().ShouldBe(0);
        server.Verify();
    }

    [Fact]
    public async Task Detail_pretty_prints_a_json_body_and_lists_the_headers()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.EnableInspector());
        server.Stub(HttpMethod.Post, "/orders").Respond(201);
        using var client = server.CreateClient();
        using var content = new StringContent("""{"item":"book","qty":2}""", Encoding.UTF8, "application/json");
        content.Headers.Add("X-Trace", "abc");
        await client.PostAsync("orders?dry=1", content, Cancel);

        var detail = await InspectorClient.DetailAsync(server, 1);

        detail.GetProperty("protocol").GetString().ShouldBe("HTTP/1.1");
        detail.GetProperty("rawTarget").GetString().ShouldBe("/orders?dry=1");
        detail.GetProperty("headers").EnumerateArray().Select(h => $"{h[0]}: {h[1]}").ShouldContain("X-Trace: abc");
        var body = detail.GetProperty("body");
        body.GetProperty("kind").GetString().ShouldBe("json");
        body.GetProperty("text").GetString().ShouldBe("{\n  \"item\": \"book\",\n  \"qty\": 2\n}".ReplaceLineEndings());
        detail.GetProperty("response").GetProperty("status").GetInt32().ShouldBe(201);
        detail.GetProperty("missReport").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Detail_of_a_request_nothing_answered_carries_its_miss_report()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.EnableInspector());
        server.Stub(HttpMethod.Get, "/orders/{id}").WithHeader("Authorization").Respond(200);
        using var client = server.CreateClient();
        (await client.GetAsync("orders/5", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var detail = await InspectorClient.DetailAsync(server, 1);

        var report = detail.GetProperty("missReport").GetString();
        report.ShouldBe(server.ExplainMiss(server.Requests[0]));
        report!.ShouldContain("Authorization");
        detail.GetProperty("unanswered").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Form_multipart_image_and_binary_bodies_are_shown_by_kind()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.EnableInspector());
        using var client = server.CreateClient();
        byte[] png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0];
        await client.PostAsync("form", new FormUrlEncodedContent([new("name", "Ada Lovelace"), new("tag", "a&b")]), Cancel);
        using var multipart = new MultipartFormDataContent { { new StringContent("hi"), "note" }, { new ByteArrayContent(png) { Headers = { ContentType = new("image/png") } }, "photo", "p.png" } };
        await client.PostAsync("upload", multipart, Cancel);
        await client.PostAsync("image", new ByteArrayContent(png) { Headers = { ContentType = new("image/png") } }, Cancel);
        await client.PostAsync("blob", new ByteArrayContent([0, 1, 2, 0xff]) { Headers = { ContentType = new("application/octet-stream") } }, Cancel);

        var form = (await InspectorClient.DetailAsync(server, 1)).GetProperty("body");
        form.GetProperty("kind").GetString().ShouldBe("form");
        form.GetProperty("fields").EnumerateArray().Select(f => $"{f[0]}={f[1]}").ShouldBe(["name=Ada Lovelace", "tag=a&b"]);

        var parts = (await InspectorClient.DetailAsync(server, 2)).GetProperty("body");
        parts.GetProperty("kind").GetString().ShouldBe("multipart");
        parts.GetProperty("parts")[0].GetProperty("body").GetProperty("text").GetString().ShouldBe("hi");
        parts.GetProperty("parts")[1].GetProperty("fileName").GetString().ShouldBe("p.png");
        parts.GetProperty("parts")[1].GetProperty("body").GetProperty("kind").GetString().ShouldBe("image");

        var image = (await InspectorClient.DetailAsync(server, 3)).GetProperty("body");
        image.GetProperty("kind").GetString().ShouldBe("image");
        image.GetProperty("dataUrl").GetString().ShouldBe("data:image/png;base64," + Convert.ToBase64String(png));

        var binary = (await InspectorClient.DetailAsync(server, 4)).GetProperty("body");
        binary.GetProperty("kind").GetString().ShouldBe("binary");
        binary.GetProperty("text").GetString()!.ShouldStartWith("00000000  00 01 02 ff");
    }

    [Fact]
    public async Task Recorded_response_bodies_are_shown_decoded()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o =>
        {
            o.EnableInspector();
            o.RecordResponseBodies = true;
        });
        var gzipped = Gzip("""{"ok":true}""");
        server.Stub(HttpMethod.Get, "/zipped").Respond(StubResponse.Bytes(gzipped, "application/json").WithHeader("Content-Encoding", "gzip"));
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip }) { BaseAddress = server.BaseAddress };
        (await client.GetStringAsync("zipped", Cancel)).ShouldBe("""{"ok":true}""");

        var body = (await InspectorClient.DetailAsync(server, 1)).GetProperty("response").GetProperty("body");

        body.GetProperty("kind").GetString().ShouldBe("json");
        body.GetProperty("text").GetString().ShouldBe("{\n  \"ok\": true\n}".ReplaceLineEndings());
        body.GetProperty("note").GetString()!.ShouldContain("gzip");
    }

    [Fact]
    public async Task Without_recorded_response_bodies_the_detail_says_how_to_get_them()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "hello" }, o => o.EnableInspector());
        using var client = server.CreateClient();
        await client.GetStringAsync("a.txt", Cancel);

        var body = (await InspectorClient.DetailAsync(server, 1)).GetProperty("response").GetProperty("body");

        body.GetProperty("kind").GetString().ShouldBe("not-recorded");
        body.GetProperty("note").GetString()!.ShouldContain("RecordResponseBodies");
    }

    [Fact]
    public async Task Har_download_is_the_journal_as_SaveHar_writes_it()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "hello" }, o => o.EnableInspector());
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "secret");
        await client.GetStringAsync("a.txt", Cancel);
        await client.PostAsync("notes", new StringContent("a note"), Cancel);
        await server.WaitForCompletionAsync(server.Requests[1]);

        using var inspector = new HttpClient { BaseAddress = server.InspectorAddress };
        using var response = await inspector.GetAsync("api/har", Cancel);
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        using var har = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));

        var log = har.RootElement.GetProperty("log");
        log.GetProperty("version").GetString().ShouldBe("1.2");
        var entries = log.GetProperty("entries");
        entries.GetArrayLength().ShouldBe(2);
        entries[1].GetProperty("request").GetProperty("postData").GetProperty("text").GetString().ShouldBe("a note");
        entries[0].GetProperty("request").GetProperty("headers").EnumerateArray()
            .Single(h => h.GetProperty("name").GetString() == "Authorization").GetProperty("value").GetString().ShouldBe("Bearer REDACTED");
    }

    [Fact]
    public async Task Stubs_lists_what_the_server_holds_with_their_calls()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.EnableInspector());
        server.Stub(HttpMethod.Get, "/health").Respond(StubResponse.Text("ok"), times: 5);
        server.Stub(HttpMethod.Post, "/orders").Required().Respond(201);
        using var client = server.CreateClient();
        await client.GetStringAsync("health", Cancel);

        var stubs = await InspectorClient.GetJsonAsync(server, "api/stubs");

        stubs.EnumerateArray().Select(s => $"{s.GetProperty("stub").GetString()} calls={s.GetProperty("calls").GetInt32()} required={s.GetProperty("required").GetBoolean()}")
            .ShouldBe(["GET /health calls=1 required=False", "POST /orders calls=0 required=True"]);
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var zip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
        {
            zip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}
