using System.Text;
using System.Text.Json;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Recording;

public sealed class HarTests
{
    [Fact]
    public async Task SaveHar_writes_every_field_HAR_1_2_requires()
    {
        using var temp = new TempDirectory();
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "hello" });
        using var client = server.CreateClient();
        using (var get = new HttpRequestMessage(HttpMethod.Get, "a.txt?x=1&y=two%20words"))
        {
            get.Headers.Add("Cookie", "session=abc");
            await client.SendAsync(get);
        }

        await client.PostAsync("json", new StringContent("""{"a":1}""", Encoding.UTF8, "application/json"));
        await client.PutAsync("bin", new ByteArrayContent([0, 1, 2, 255]));
        var path = Path.Combine(temp.Path, "journal.har");

        server.SaveHar(path);

        using var har = JsonDocument.Parse(await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
        var log = har.RootElement.GetProperty("log");
        log.GetProperty("version").GetString().ShouldBe("1.2");
        log.GetProperty("creator").GetProperty("name").GetString().ShouldBe("FakeHttpFixture");
        log.GetProperty("creator").GetProperty("version").ValueKind.ShouldBe(JsonValueKind.String);
        var entries = log.GetProperty("entries").EnumerateArray().ToArray();
        entries.Length.ShouldBe(3);
        foreach (var entry in entries)
        {
            RequireFields(entry, ("startedDateTime", JsonValueKind.String), ("time", JsonValueKind.Number), ("request", JsonValueKind.Object), ("response", JsonValueKind.Object), ("cache", JsonValueKind.Object), ("timings", JsonValueKind.Object));
            DateTimeOffset.Parse(entry.GetProperty("startedDateTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
            RequireFields(entry.GetProperty("request"), ("method", JsonValueKind.String), ("url", JsonValueKind.String), ("httpVersion", JsonValueKind.String), ("cookies", JsonValueKind.Array), ("headers", JsonValueKind.Array), ("queryString", JsonValueKind.Array), ("headersSize", JsonValueKind.Number), ("bodySize", JsonValueKind.Number));
            RequireFields(entry.GetProperty("response"), ("status", JsonValueKind.Number), ("statusText", JsonValueKind.String), ("httpVersion", JsonValueKind.String), ("cookies", JsonValueKind.Array), ("headers", JsonValueKind.Array), ("content", JsonValueKind.Object), ("redirectURL", JsonValueKind.String), ("headersSize", JsonValueKind.Number), ("bodySize", JsonValueKind.Number));
            RequireFields(entry.GetProperty("response").GetProperty("content"), ("size", JsonValueKind.Number), ("mimeType", JsonValueKind.String));
            RequireFields(entry.GetProperty("timings"), ("send", JsonValueKind.Number), ("wait", JsonValueKind.Number), ("receive", JsonValueKind.Number));
            entry.GetProperty("serverIPAddress").GetString().ShouldBe("127.0.0.1");
            entry.GetProperty("connection").GetString().ShouldNotBeNullOrEmpty();
        }

        var get0 = entries[0];
        get0.GetProperty("request").GetProperty("url").GetString().ShouldBe(server.Url("a.txt?x=1&y=two%20words").AbsoluteUri);
        Pairs(get0.GetProperty("request").GetProperty("queryString")).ShouldBe([("x", "1"), ("y", "two words")]);
        Pairs(get0.GetProperty("request").GetProperty("cookies")).ShouldBe([("session", "REDACTED")], "cookie values are secrets a HAR leaves out by default");
        get0.GetProperty("request").TryGetProperty("postData", out _).ShouldBeFalse();
        get0.GetProperty("response").GetProperty("status").GetInt32().ShouldBe(200);
        get0.GetProperty("response").GetProperty("statusText").GetString().ShouldBe("OK");
        get0.GetProperty("response").GetProperty("content").GetProperty("size").GetInt64().ShouldBe(5);
        get0.GetProperty("response").GetProperty("content").GetProperty("mimeType").GetString().ShouldBe("text/plain; charset=utf-8");
        Pairs(get0.GetProperty("response").GetProperty("headers")).ShouldContain(("Content-Length", "5"));

        var json = entries[1].GetProperty("request").GetProperty("postData");
        json.GetProperty("mimeType").GetString().ShouldBe("application/json; charset=utf-8");
        json.GetProperty("text").GetString().ShouldBe("""{"a":1}""");
        json.TryGetProperty("encoding", out _).ShouldBeFalse();

        var bin = entries[2].GetProperty("request").GetProperty("postData");
        bin.GetProperty("encoding").GetString().ShouldBe("base64");
        Convert.FromBase64String(bin.GetProperty("text").GetString()!).ShouldBe(new byte[] { 0, 1, 2, 255 });
        entries[2].GetProperty("request").GetProperty("bodySize").GetInt64().ShouldBe(4);
    }

    [Fact]
    public async Task SaveHar_of_an_empty_journal_is_a_valid_log_without_entries()
    {
        using var temp = new TempDirectory();
        await using var server = HttpFixtureServer.Start(new FileTree());
        var path = Path.Combine(temp.Path, "empty.har");

        server.SaveHar(path);

        using var har = JsonDocument.Parse(await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
        har.RootElement.GetProperty("log").GetProperty("entries").GetArrayLength().ShouldBe(0);
    }

    private static void RequireFields(JsonElement element, params (string Name, JsonValueKind Kind)[] fields)
    {
        foreach (var (name, kind) in fields)
        {
            element.TryGetProperty(name, out var value).ShouldBeTrue($"HAR field '{name}' is missing in {element}");
            value.ValueKind.ShouldBe(kind, $"HAR field '{name}'");
        }
    }

    private static (string, string)[] Pairs(JsonElement array) =>
        array.EnumerateArray().Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("value").GetString()!)).ToArray();
}
