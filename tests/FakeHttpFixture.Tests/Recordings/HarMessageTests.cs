using System.Net;
using System.Text;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Recordings;

/// <summary>
/// A HAR that would put other bytes on the wire, or that is not UTF-8, is refused at load with the file and the line (or byte
/// offset); with Strict, a request the recording does not answer gets a miss report naming the HAR's nearest entry.
/// </summary>
public sealed class HarMessageTests
{
    [Theory]
    [InlineData("OK\\r\\nX-Injected: yes", "OK\\u000D\\u000AX-Injected: yes")]
    [InlineData("O\\u0000K", "O\\u0000K")]
    [InlineData("N\\u00e3o", "N\\u00E3o")]
    public void A_status_text_that_is_not_one_line_of_ASCII_is_refused_at_load_with_its_line(string json, string shown)
    {
        using var temp = new TempDirectory();
        var har = temp.Write("t.har", "{\"log\":{\"entries\":[\n{\"request\":{\"method\":\"GET\",\"url\":\"https://s/a\"},\n\"response\":{\"status\":200,\n\"statusText\":\"" + json + "\"}}]}}");

        var ex = Should.Throw<InvalidDataException>(() => HttpFixtureServer.Start(o => o.ReplayHar(har)));

        ex.Message.ShouldStartWith($"The HAR file '{har}' cannot be replayed: line 4: log.entries[0].response.statusText must be one line of visible ASCII text, as a status line holds; it is \"");
        ex.Message.ShouldContain($"it is \"{shown}\", which could put other bytes on the wire.");
    }

    [Fact]
    public void A_har_that_is_not_utf8_is_refused_with_its_byte_offset_and_line()
    {
        using var temp = new TempDirectory();
        var har = Path.Combine(temp.Path, "latin1.har");
        var text = "{\"log\":{\"entries\":[\n{\"request\":{\"method\":\"GET\",\"url\":\"https://s/caf\u00e9\"},\"response\":{\"status\":200}}]}}";
        File.WriteAllBytes(har, Encoding.Latin1.GetBytes(text));

        var ex = Should.Throw<InvalidDataException>(() => HttpFixtureServer.Start(o => o.ReplayHar(har)));

        ex.Message.ShouldBe($"The HAR file '{har}' is not UTF-8: the byte 0xE9 at offset {text.IndexOf('\u00e9', StringComparison.Ordinal)} (line 2) is not part of a UTF-8 character. HAR files are UTF-8 JSON: save it as UTF-8, or record it again.");
    }

    [Fact]
    public async Task A_strict_miss_names_the_nearest_replayed_entry()
    {
        using var temp = new TempDirectory();
        var har = temp.Write("t.har", HarEntries.Har("GET https://svc.example.com/other 200 x", "GET https://svc.example.com/search?a=1&b=2 200 found"));
        await using var server = HttpFixtureServer.Start(o => { o.ReplayHar(har); o.Strict = true; });
        using var client = server.CreateClient();

        using var response = await client.GetAsync("search?a=1&b=3", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotImplemented);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        body.ShouldContain("#1 GET /search?a=1&b=3 matched no stub, replayed HAR entry or file and was answered 501.");
        body.ShouldContain("The replayed HAR files hold 2 entries; none answers it. The nearest, entry 2 of 't.har': GET /search?a=1&b=2");
        body.ShouldContain("✓ path /search");
        body.ShouldContain("✗ query: the entry has a=1&b=2, the request a=1&b=3");
        server.ExplainMiss(server.Requests[0]).ShouldContain("entry 2 of 't.har'");
    }
}
