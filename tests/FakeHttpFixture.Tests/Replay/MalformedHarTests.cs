using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Replay;

/// <summary>A HAR that replay cannot use is refused when the server starts, with the line and the field that are wrong.</summary>
public sealed class MalformedHarTests
{
    [Fact]
    public void A_file_that_is_not_json_is_refused_with_its_line()
    {
        using var temp = new TempDirectory();
        var har = temp.Write("broken.har", """
            {
              "log": {
                "entries": [
                  { "request": { "method": "GET" }
                ]
              }
            }
            """);

        var ex = Should.Throw<InvalidDataException>(() => HttpFixtureServer.Start(o => o.ReplayHar(har)));

        ex.Message.ShouldStartWith($"The HAR file '{har}' is not valid JSON: line 5: ");
    }

    [Fact]
    public void A_status_that_is_not_a_number_is_refused_with_its_line_and_field()
    {
        using var temp = new TempDirectory();
        var har = temp.Write("status.har", """
            {
              "log": {
                "version": "1.2",
                "entries": [
                  {
                    "request": { "method": "GET", "url": "https://example.com/a" },
                    "response": { "status": 200, "headers": [] }
                  },
                  {
                    "request": { "method": "GET", "url": "https://example.com/b" },
                    "response": {
                      "status": "404",
                      "headers": []
                    }
                  }
                ]
              }
            }
            """);

        var ex = Should.Throw<InvalidDataException>(() => HttpFixtureServer.Start(o => o.ReplayHar(har)));

        ex.Message.ShouldBe($"The HAR file '{har}' cannot be replayed: line 12: log.entries[1].response.status must be a number; it is the string \"404\". Fix the file, or record it again.");
    }

    [Fact]
    public void A_missing_field_is_refused_with_the_line_of_the_object_that_lacks_it()
    {
        using var temp = new TempDirectory();
        var har = temp.Write("missing.har", """
            {"log": {"entries": [
              {"request": {"method": "GET", "url": "https://example.com/"}, "response": {"status": 200}},
              {"request": {"method": "GET"},
               "response": {"status": 200}}
            ]}}
            """);

        var ex = Should.Throw<InvalidDataException>(() => HttpFixtureServer.Start(o => o.ReplayHar(har)));

        ex.Message.ShouldContain("line 3: log.entries[1].request has no \"url\", which replay needs.");
    }

    [Theory]
    [InlineData("""{"log": {}}""", "line 1: log has no \"entries\"")]
    [InlineData("""[1, 2]""", "line 1: the document must be an object with a \"log\"; it is an array")]
    [InlineData("""{"log": {"entries": [{"request": {"method": "GET", "url": "not a url"}, "response": {"status": 200}}]}}""", "log.entries[0].request.url must be an absolute URL such as \"https://example.com/a?b=1\"; it is \"not a url\"")]
    [InlineData("""{"log": {"entries": [{"request": {"method": "GET", "url": "https://e.com/"}, "response": {"status": 200, "content": {"text": "***", "encoding": "base64"}}}]}}""", "log.entries[0].response.content.text is not valid base64, though \"encoding\" says it is")]
    [InlineData("""{"log": {"entries": [{"request": {"method": "GET", "url": "https://e.com/"}, "response": {"status": 200, "content": {"text": "x", "encoding": "quoted-printable"}}}]}}""", "log.entries[0].response.content.encoding must be \"base64\" or left out; it is \"quoted-printable\"")]
    [InlineData("""{"log": {"entries": [{"request": {"method": "GET", "url": "https://e.com/"}, "response": {"status": 200, "headers": [{"name": "X-A"}]}}]}}""", "log.entries[0].response.headers[0] has no \"value\"")]
    [InlineData("""{"log": {"entries": [{"request": {"method": "GET", "url": "https://e.com/"}, "response": {"status": 2000}}]}}""", "log.entries[0].response.status must be an HTTP status code from 100 to 999 (or 0 for none); it is 2000")]
    public void Each_kind_of_mistake_is_named_in_the_message(string json, string expected)
    {
        using var temp = new TempDirectory();
        var har = temp.Write("bad.har", json);

        var ex = Should.Throw<InvalidDataException>(() => HttpFixtureServer.Start(o => o.ReplayHar(har)));

        ex.Message.ShouldContain(expected);
    }

    [Fact]
    public void A_file_that_does_not_exist_is_refused_before_the_server_starts()
    {
        var ex = Should.Throw<ArgumentException>(() => HttpFixtureServer.Start(o => o.ReplayHar("no/such/recording.har")));

        ex.Message.ShouldStartWith($"ReplayHar: the file '{Path.GetFullPath("no/such/recording.har")}' does not exist.");
    }

    [Fact]
    public async Task A_byte_order_mark_and_comments_are_accepted()
    {
        using var temp = new TempDirectory();
        var har = Path.Combine(temp.Path, "bom.har");
        File.WriteAllText(har, """
            // exported by hand
            {"log": {"entries": [{"request": {"method": "GET", "url": "https://e.com/ok"}, "response": {"status": 200, "content": {"text": "fine"}}}]}}
            """, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        await using var server = HttpFixtureServer.Start(o => o.ReplayHar(har));
        using var client = server.CreateClient();

        (await client.GetStringAsync("ok", TestContext.Current.CancellationToken)).ShouldBe("fine");
    }
}
