using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Recording;

public sealed class IdempotencyKeyTimelineTests
{
    [Fact]
    public async Task Passes_on_a_client_that_sends_the_same_key_on_every_retry()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Post, "/payments").Respond(503, times: 2).Respond(201);
        using var client = server.CreateClient();

        var key = Guid.NewGuid().ToString();
        await PostWithRetriesAsync(client, () => key);

        server.Timeline(HttpMethod.Post, "/payments").ShouldHaveRetried(2).ShouldHaveKeptHeader("Idempotency-Key");
    }

    [Fact]
    public async Task Fails_with_each_key_on_a_client_that_makes_a_new_key_per_attempt()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Post, "/payments").Respond(503, times: 2).Respond(201);
        using var client = server.CreateClient();

        var attempt = 0;
        await PostWithRetriesAsync(client, () => $"key-{++attempt}");

        var ex = Should.Throw<HttpFixtureAssertionException>(() => server.Timeline(HttpMethod.Post, "/payments").ShouldHaveKeptHeader("Idempotency-Key"));
        TimelineMessage.Normalize(ex.Message, [.. server.Requests]).ShouldBe("""
            Expected every request to send the same Idempotency-Key, but it changed:
              #2 sent "key-2" where #1 sent "key-1".
              #3 sent "key-3" where #1 sent "key-1".
            Timeline of POST /payments (3 requests; times since the first, at HH:MM:SS):
              +T  #1 POST /payments (2 B) → 503  conn C1:0  > Idempotency-Key: key-1
              +T  #2 POST /payments (2 B) → 503  conn C1:1  gap N ms  > Idempotency-Key: key-2
              +T  #3 POST /payments (2 B) → 201  conn C1:2  gap N ms  > Idempotency-Key: key-3
            """.ReplaceLineEndings("\n").TrimEnd());
    }

    [Fact]
    public async Task Fails_when_the_first_request_sent_no_key()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        (await client.PostAsync("payments", null, TestContext.Current.CancellationToken)).Dispose();
        (await client.PostAsync("payments", null, TestContext.Current.CancellationToken)).Dispose();

        var ex = Should.Throw<HttpFixtureAssertionException>(() => server.Timeline(HttpMethod.Post, "/payments").ShouldHaveKeptHeader("Idempotency-Key"));

        ex.Message.ShouldStartWith("Expected every request to send the same Idempotency-Key, but the first, #1, sent no Idempotency-Key header.");
    }

    private static async Task PostWithRetriesAsync(HttpClient client, Func<string> key)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "payments") { Content = new StringContent("{}") };
            request.Headers.Add("Idempotency-Key", key());
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return;
            }
        }
    }
}
