using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Docs;

/// <summary>The code and the failure messages of docs/recording-and-assertions.md, run as tests so the page cannot drift from the API.</summary>
public sealed class RecordingAndAssertionsSnippets
{
    [Fact]
    public async Task Multipart_form_is_recorded_as_fields_and_parts()
    {
        var png = RandomNumberGenerator.GetBytes(3000);
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Quarterly"), "title" },
            { new ByteArrayContent(png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "image", "chart.png" },
        };

        await client.PostAsync("reports", form);

        var r = server.Requests.ShouldHaveSingleItem();
        r.Form["title"].ShouldBe(["Quarterly"]);        // parts without a file name are form fields too
        r.Parts[1].FileName.ShouldBe("chart.png");
        r.Parts[1].ContentType.ShouldBe("image/png");
        r.Parts[1].Body.ShouldBe(png);
    }

    [Fact]
    public async Task Large_body_is_spilled_to_disk_and_streamed_back()
    {
        var large = RandomNumberGenerator.GetBytes(1024 * 1024);
        var expectedHash = Convert.ToHexString(SHA256.HashData(large));

        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.BodyMemoryThreshold = 64 * 1024);
        using var client = server.CreateClient();
        await client.PutAsync("big.bin", new ByteArrayContent(large));    // 1 MiB, over the threshold

        var r = server.Requests.ShouldHaveSingleItem();
        r.BodySpilled.ShouldBeTrue();
        using var stream = r.OpenBody();
        Convert.ToHexString(await SHA256.HashDataAsync(stream)).ShouldBe(expectedHash);

        r.BodyLength.ShouldBe(large.Length);
    }

    [Fact]
    public async Task Answer_is_read_at_once_and_duration_after_completion()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["report.pdf"] = "%PDF-1.7" });
        using var client = server.CreateClient();

        using var response = await client.GetAsync("report.pdf");
        var r = server.Requests.ShouldHaveSingleItem();
        r.StatusCode.ShouldBe(200);                        // final as soon as the client has the response
        r.AnsweredBy.ShouldBe(ResponseSource.File);        // likewise: set as the stage starts its response

        await server.WaitForCompletionAsync(r);            // Duration and the sizes are final once the exchange completes
        r.Duration.ShouldBeGreaterThan(TimeSpan.Zero);
        r.ResponseBodyLength.ShouldBe(8);

        r.IsCompleted.ShouldBeTrue();
    }

    [Fact]
    public async Task Waits_and_takes()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();

        var wait = server.WaitForRequestsAsync(3, r => r.Path == "/retry", TimeSpan.FromSeconds(30));
        var retries = SendWithRetriesInBackground(client);   // the code under test
        (await wait).Select(r => r.BodyText).ShouldBe(["1", "2", "3"]);

        // The journal as a queue: each request is taken once, in arrival order; waits take nothing.
        (await server.TakeRequestAsync()).BodyText.ShouldBe("1");
        (await server.TakeRequestAsync()).BodyText.ShouldBe("2");

        await retries;
    }

    // Stands for code under test that posts three attempts from a background task.
    private static Task SendWithRetriesInBackground(HttpClient client) => Task.Run(async () =>
    {
        foreach (var attempt in new[] { "1", "2", "3" })
        {
            await client.PostAsync("retry", new StringContent(attempt));
        }
    });

    [Fact]
    public async Task Failure_messages_are_the_ones_the_page_shows()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["health"] = "ok" });
        using var client = server.CreateClient();
        await client.GetAsync("health");
        await client.PutAsync("orders", new StringContent("{}"));
        await client.PostAsync("order", new StringContent("""{"item":"book"}"""));

        Should.Throw<HttpFixtureAssertionException>(() => server.ShouldHaveReceived(HttpMethod.Post, "/orders")).Message.ShouldBe("""
            Expected POST /orders to have been received, but it was not. Received 3, nearest match first:
              #3 POST /order (15 B) → 200
              #2 PUT /orders (2 B) → 200
              #1 GET /health → 200
            """.ReplaceLineEndings("\n"));
        Should.Throw<HttpFixtureAssertionException>(() => server.ShouldHaveReceived(HttpMethod.Put, "/orders", 2)).Message.ShouldBe("""
            Expected PUT /orders to have been received 2 times, but it was received once. Received 3, nearest match first:
              #2 PUT /orders (2 B) → 200  (matches)
              #3 POST /order (15 B) → 200
              #1 GET /health → 200
            """.ReplaceLineEndings("\n"));
        Should.Throw<HttpFixtureAssertionException>(() => server.ShouldHaveReceived(r => r.Header("X-Api-Key") == "secret")).Message.ShouldBe("""
            Expected a request matching r => r.Header("X-Api-Key") == "secret" to have been received, but it was not. Received 3, in arrival order:
              #1 GET /health → 200
              #2 PUT /orders (2 B) → 200
              #3 POST /order (15 B) → 200
            """.ReplaceLineEndings("\n"));
        Should.Throw<HttpFixtureAssertionException>(server.ShouldHaveReceivedNothing).Message.ShouldBe("""
            Expected no requests, but received 3:
              #1 GET /health → 200
              #2 PUT /orders (2 B) → 200
              #3 POST /order (15 B) → 200
            """.ReplaceLineEndings("\n"));

        (await Should.ThrowAsync<TimeoutException>(() => server.WaitForRequestAsync(r => r.Method == "DELETE", TimeSpan.FromMilliseconds(200))))
            .Message.ShouldBe("""
            Expected a request matching r => r.Method == "DELETE" to have been received within 200 ms, but it was not. Received 3, nearest match first:
              #1 GET /health → 200
              #2 PUT /orders (2 B) → 200
              #3 POST /order (15 B) → 200
            """.ReplaceLineEndings("\n").TrimEnd('\n'));
        (await Should.ThrowAsync<TimeoutException>(() => server.WaitForRequestsAsync(2, r => r.Method == "POST", TimeSpan.FromMilliseconds(200))))
            .Message.ShouldBe("""
            Expected a request matching r => r.Method == "POST" to have been received 2 times within 200 ms, but it was received once. Received 3, nearest match first:
              #3 POST /order (15 B) → 200  (matches)
              #1 GET /health → 200
              #2 PUT /orders (2 B) → 200
            """.ReplaceLineEndings("\n").TrimEnd('\n'));
        for (var i = 0; i < 3; i++)
        {
            await server.TakeRequestAsync();
        }

        (await Should.ThrowAsync<TimeoutException>(() => server.TakeRequestAsync(TimeSpan.FromMilliseconds(200))))
            .Message.ShouldBe("""
            Expected a request not yet taken to have been received within 200 ms, but it was not. Received 3, all taken already:
              #1 GET /health → 200
              #2 PUT /orders (2 B) → 200
              #3 POST /order (15 B) → 200
            """.ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    [Fact]
    public async Task Nothing_else_lists_what_no_assertion_checked()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["health"] = "ok" });
        using var client = server.CreateClient();
        await client.GetAsync("health");
        await client.PutAsync("orders", new StringContent("{}"));
        await client.PostAsync("order", new StringContent("""{"item":"book"}"""));

        server.ShouldHaveReceived(HttpMethod.Get, "/health");
        Should.Throw<HttpFixtureAssertionException>(server.ShouldHaveReceivedNothingElse).Message.ShouldBe("""
            Expected no requests beyond those the test checked, but 2 of 3 were not checked by a ShouldHaveReceived, wait or take:
              #2 PUT /orders (2 B) → 200
              #3 POST /order (15 B) → 200
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Journal_is_saved_as_har()
    {
        using var temp = new TempDirectory();
        var artifacts = temp.Path;
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        await client.PostAsync("orders", new StringContent("""{"item":"book"}"""));
        await client.GetAsync("missing");

        server.SaveHar(Path.Combine(artifacts, "journal.har"));

        using var har = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(artifacts, "journal.har")));
        var log = har.RootElement.GetProperty("log");
        log.GetProperty("version").GetString().ShouldBe("1.2");
        var entries = log.GetProperty("entries").EnumerateArray().ToList();
        entries.Count.ShouldBe(2);
        entries[0].GetProperty("request").GetProperty("postData").GetProperty("text").GetString().ShouldBe("""{"item":"book"}""");
        entries[1].GetProperty("response").GetProperty("status").GetInt32().ShouldBe(404);
        server.JournalSummary().ShouldBe("#1 POST /orders (15 B) → 200\n#2 GET /missing → 404\n");
    }
}
