using System.Net;

namespace FakeHttpFixture.Tests.Responses;

public sealed class ResponseQueueTests
{
    [Fact]
    public async Task Queued_responses_are_served_in_order_before_stubs_and_files()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "file" });
        server.Stub(HttpMethod.Get, "/a.txt").Respond(StubResponse.Text("stub"));
        server.Enqueue(StubResponse.Text("first")).Enqueue(StubResponse.Text("second").WithStatus(202));
        using var client = server.CreateClient();

        using var first = await client.GetAsync("a.txt", TestContext.Current.CancellationToken);
        using var second = await client.GetAsync("anything/else", TestContext.Current.CancellationToken);
        using var third = await client.GetAsync("a.txt", TestContext.Current.CancellationToken);

        (await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("first");
        second.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("second");
        (await third.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("stub");
        server.Requests.Select(r => r.AnsweredBy).ShouldBe([ResponseSource.Queue, ResponseSource.Queue, ResponseSource.Stub]);
    }

    [Fact]
    public async Task A_stub_sequence_of_503_503_200_lets_a_retrying_client_succeed_on_the_third_attempt()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        var stub = server.Stub(HttpMethod.Get, "/flaky").Respond(503, times: 2).Respond(StubResponse.Text("ok"));
        using var client = server.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage response;
        do
        {
            response = await client.GetAsync("flaky", TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }
        while (response.StatusCode == HttpStatusCode.ServiceUnavailable && statuses.Count < 5);

        statuses.ShouldBe([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK]);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("ok");
        stub.CallCount.ShouldBe(3);
    }

    [Fact]
    public async Task Once_a_stub_sequence_is_used_up_its_last_response_repeats()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/status").Respond(500).Respond(204);
        using var client = server.CreateClient();

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync("status", TestContext.Current.CancellationToken);
            statuses.Add((int)response.StatusCode);
        }

        statuses.ShouldBe([500, 204, 204, 204]);
    }

    [Fact]
    public async Task Concurrent_requests_each_take_a_different_queued_response()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        for (var i = 0; i < 20; i++)
        {
            server.Enqueue(StubResponse.Text(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        using var client = server.CreateClient();

        var bodies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetStringAsync("q", TestContext.Current.CancellationToken)));

        bodies.Select(int.Parse).Order().ShouldBe(Enumerable.Range(0, 20));
        (await client.GetAsync("q", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
