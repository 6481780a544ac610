using System.Net;

namespace FakeHttpFixture.Tests.Responses;

public sealed class CorsTests
{
    [Fact]
    public async Task Preflight_is_answered_204_with_the_requested_method_and_headers_allowed()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.EnableCors = true);
        using var client = server.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "api/orders");
        preflight.Headers.Add("Origin", "http://localhost:5173");
        preflight.Headers.Add("Access-Control-Request-Method", "PUT");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type, x-api-key");

        using var response = await client.SendAsync(preflight, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["http://localhost:5173"]);
        string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")).ShouldContain("PUT");
        string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).ShouldBe("content-type, x-api-key");
        response.Headers.GetValues("Access-Control-Allow-Credentials").ShouldBe(["true"]);
        server.Requests.ShouldHaveSingleItem().AnsweredBy.ShouldBe(ResponseSource.Cors);
    }

    [Fact]
    public async Task Responses_to_cross_origin_requests_carry_the_allow_origin_header()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["data.json"] = "{}" }, o => o.EnableCors = true);
        server.Stub(HttpMethod.Post, "/orders").Respond(201);
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Add("Origin", "http://app.test");

        using var file = await client.GetAsync("data.json", TestContext.Current.CancellationToken);
        using var stub = await client.PostAsync("orders", null, TestContext.Current.CancellationToken);

        file.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["http://app.test"]);
        stub.StatusCode.ShouldBe(HttpStatusCode.Created);
        stub.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["http://app.test"]);
        stub.Headers.GetValues("Access-Control-Expose-Headers").ShouldBe(["*"]);
    }

    [Fact]
    public async Task Without_the_option_there_are_no_cors_headers_and_options_is_not_a_preflight()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["data.json"] = "{}" });
        using var client = server.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "data.json");
        preflight.Headers.Add("Origin", "http://app.test");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");

        using var response = await client.SendAsync(preflight, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }
}
