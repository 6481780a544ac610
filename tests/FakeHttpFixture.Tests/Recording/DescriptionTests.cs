using System.Net.Http.Headers;
using System.Net.WebSockets;

namespace FakeHttpFixture.Tests.Recording;

/// <summary>The short descriptions (ToString) that failure messages and debuggers show for what a test set up.</summary>
public sealed class DescriptionTests
{
    [Fact]
    public async Task A_server_describes_itself_by_its_address()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());

        server.ToString().ShouldBe(server.BaseAddress.ToString());
        server.ToString().ShouldBe($"http://127.0.0.1:{server.Port}/");
    }

    [Fact]
    public async Task A_stub_describes_its_method_and_path_and_any_method_when_none_is_given()
    {
        await using var server = HttpFixtureServer.Start(o => o.ForHosts("api.example.test"));

        server.Stub(HttpMethod.Get, "/orders/{id}").ToString().ShouldBe("GET /orders/{id}");
        server.Stub(null, "/anything").ToString().ShouldBe("any method /anything");
        server.Stub(HttpMethod.Post, "https://api.example.test/v1/charges").ToString().ShouldContain("api.example.test");
    }

    [Fact]
    public void A_response_describes_its_status_type_and_size_or_its_fault()
    {
        StubResponse.Text("hello").ToString().ShouldBe("200 text/plain; charset=utf-8 (5 B)");
        StubResponse.Status(204).ToString().ShouldBe("204");
        StubResponse.ResetConnection().ToString().ShouldBe("ResetConnection");
        StubResponse.WebSocket(ws => ws.OnConnect(WebSocketAction.Text("hi"))).ToString().ShouldBe("WebSocket");
    }

    [Fact]
    public void Scripted_websocket_actions_describe_what_they_send()
    {
        WebSocketAction.Text("pong").ToString().ShouldBe("text \"pong\"");
        WebSocketAction.Binary([1, 2, 3]).ToString().ShouldBe("binary 3 B");
        WebSocketAction.Close((WebSocketCloseStatus)4000, "done").ToString().ShouldBe("close 4000 \"done\"");
    }

    [Fact]
    public void Chaos_rules_and_rate_limits_describe_themselves_as_the_journal_names_them()
    {
        Chaos.Share(0.3).WithSeed(1234).Respond(503).ToString().ShouldBe("30% of requests (seed 1234) → 503");
        Chaos.EveryNth(3).Respond(StubResponse.ResetConnection()).ToString().ShouldBe("every 3rd request → ResetConnection");
        RateLimit.Allow(2, per: TimeSpan.FromSeconds(30)).ToString().ShouldBe("2 requests per 30 s → 429");
        RateLimit.Allow(1, per: TimeSpan.FromSeconds(10)).PerHeader("X-Api-Key").WithStatus(503).ToString().ShouldBe("1 request per 10 s per X-Api-Key → 503");
    }

    [Fact]
    public async Task A_multipart_part_describes_its_name_file_type_and_size()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Quarterly"), "title" },
            { new ByteArrayContent([1, 2, 3]) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "image", "chart.png" },
        };

        await client.PostAsync("reports", form, TestContext.Current.CancellationToken);

        var parts = server.Requests.ShouldHaveSingleItem().Parts;
        parts[1].ToString().ShouldBe("image \"chart.png\" (image/png, 3 B)");
        parts[0].ToString().ShouldStartWith("title (text/plain");
    }

    [Fact]
    public async Task A_timeline_describes_the_requests_it_holds()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        using var client = server.CreateClient();
        (await client.PostAsync("orders", new StringContent("1"), TestContext.Current.CancellationToken)).Dispose();

        var text = server.Timeline(HttpMethod.Post, "/orders").ToString();

        text.ShouldContain("POST /orders");
        text.ShouldContain("#1");
    }
}
