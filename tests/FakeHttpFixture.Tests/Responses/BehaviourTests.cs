using System.Diagnostics;
using System.Net;

namespace FakeHttpFixture.Tests.Responses;

public sealed class BehaviourTests
{
    [Fact]
    public async Task Delay_holds_back_the_headers()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/slow").Respond(StubResponse.Text("late").WithDelay(TimeSpan.FromMilliseconds(300)));
        using var client = server.CreateClient();

        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync("slow", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);

        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(250));
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("late");
    }

    [Fact]
    public async Task Body_delay_sends_the_headers_first_and_the_body_later()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/body-later").Respond(StubResponse.Text("body").WithBodyDelay(TimeSpan.FromSeconds(1)));
        using var client = server.CreateClient();

        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync("body-later", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        var headersAt = clock.Elapsed;
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var bodyAt = clock.Elapsed;

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        body.ShouldBe("body");
        // Generous on a loaded machine: the headers would have to take 0.7 s for the gap to shrink below 0.3 s.
        (bodyAt - headersAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(300));
        bodyAt.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task A_delayed_response_trips_the_client_timeout()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/slow").Respond(StubResponse.Text("late").WithDelay(TimeSpan.FromSeconds(30)));
        using var client = server.CreateClient();
        client.Timeout = TimeSpan.FromMilliseconds(300);

        // Shouldly turns a cancelled task into a bare TaskCanceledException, so catch it here to see HttpClient's own.
        TaskCanceledException? ex = null;
        try
        {
            using var response = await client.GetAsync("slow", TestContext.Current.CancellationToken);
        }
        catch (TaskCanceledException caught)
        {
            ex = caught;
        }

        ex.ShouldNotBeNull();
        ex.InnerException.ShouldBeOfType<TimeoutException>();
        ex.Message.ShouldContain("HttpClient.Timeout of 0.3 seconds elapsing");
    }

    [Fact]
    public async Task Throttled_body_arrives_whole_at_about_the_rate_set()
    {
        var bytes = new byte[2000];
        Random.Shared.NextBytes(bytes);
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/download").Respond(StubResponse.Bytes(bytes).WithThrottle(4000));
        using var client = server.CreateClient();

        var clock = Stopwatch.StartNew();
        var received = await client.GetByteArrayAsync("download", TestContext.Current.CancellationToken);

        received.ShouldBe(bytes);

        // 2000 B at 4000 B/s is 0.5 s; the first slice goes out at once, so at least 0.4 s.
        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(350));
    }

    [Fact]
    public async Task Chunked_response_has_no_content_length_and_arrives_whole()
    {
        var text = string.Concat(Enumerable.Repeat("0123456789", 500));
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/chunks").Respond(StubResponse.Text(text).Chunked(700));
        using var client = server.CreateClient();

        using var response = await client.GetAsync("chunks", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);

        response.Headers.TransferEncodingChunked.ShouldBe(true);
        response.Content.Headers.ContentLength.ShouldBeNull();
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe(text);
    }
}
