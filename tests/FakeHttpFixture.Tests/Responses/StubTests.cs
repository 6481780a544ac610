using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture.Tests.Responses;

public sealed class StubTests
{
    [Fact]
    public async Task Template_stub_answers_json_built_from_the_route_value()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/orders/{id}")
            .Respond(StubResponse.From(ctx => StubResponse.Json(new { Id = ctx.Request.RouteValues["id"], Status = "shipped" })));
        using var client = server.CreateClient();

        using var response = await client.GetAsync("orders/42", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("""{"id":"42","status":"shipped"}""");
        server.Requests.ShouldHaveSingleItem().AnsweredBy.ShouldBe(ResponseSource.Stub);
    }

    [Fact]
    public async Task Route_constraints_of_a_template_are_checked()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/orders/{id:int}").Respond(StubResponse.Text("by number"));
        server.Stub(HttpMethod.Get, "/orders/{name:alpha}").Respond(StubResponse.Text("by name"));
        using var client = server.CreateClient();

        (await client.GetStringAsync("orders/42", TestContext.Current.CancellationToken)).ShouldBe("by number");
        (await client.GetStringAsync("orders/latest", TestContext.Current.CancellationToken)).ShouldBe("by name");
        (await client.GetAsync("orders/x-1", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Exact_stub_matches_only_its_method_and_path()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        var stub = server.Stub(HttpMethod.Post, "/orders").Respond(StubResponse.Text("created").WithStatus(201).WithHeader("Location", "/orders/7"));
        using var client = server.CreateClient();

        using var created = await client.PostAsync("orders", new StringContent("{}"), TestContext.Current.CancellationToken);
        using var get = await client.GetAsync("orders", TestContext.Current.CancellationToken);
        using var deeper = await client.PostAsync("orders/1", new StringContent("{}"), TestContext.Current.CancellationToken);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        created.Headers.Location!.ToString().ShouldBe("/orders/7");
        (await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("created");
        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        deeper.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await deeper.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
        stub.CallCount.ShouldBe(1);
    }

    [Fact]
    public async Task Prefix_stub_matches_whole_segments_and_regex_stub_exposes_named_groups()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.StubPrefix(null, "/api").Respond(StubResponse.Text("api"));
        server.Stub(HttpMethod.Get, new Regex(@"^/v(?<version>\d+)/ping$")).Respond(StubResponse.Handler(ctx =>
            ctx.Response.WriteAsync("pong v" + ctx.Request.RouteValues["version"], ctx.RequestAborted)));
        using var client = server.CreateClient();

        (await client.GetStringAsync("api/users/1", TestContext.Current.CancellationToken)).ShouldBe("api");
        (await client.DeleteAsync("api", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("apix", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetStringAsync("v3/ping", TestContext.Current.CancellationToken)).ShouldBe("pong v3");
    }

    [Fact]
    public async Task Header_query_and_json_body_conditions_must_all_hold()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Post, "/search")
            .WithHeader("X-Api-Key", "secret")
            .WithQuery("page", "2")
            .WithJsonBody<SearchRequest>(b => b.Term == "shoes")
            .Respond(StubResponse.Json(new[] { "red shoes" }));
        using var client = server.CreateClient();

        async Task<HttpStatusCode> Send(string key, string query, object body)
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, "search" + query) { Content = JsonContent.Create(body) };
            message.Headers.Add("X-Api-Key", key);
            using var response = await client.SendAsync(message, TestContext.Current.CancellationToken);
            return response.StatusCode;
        }

        (await Send("secret", "?page=2", new { term = "shoes" })).ShouldBe(HttpStatusCode.OK);
        (await Send("wrong", "?page=2", new { term = "shoes" })).ShouldBe(HttpStatusCode.OK);
        server.Requests[^1].AnsweredBy.ShouldBe(ResponseSource.Fallback);
        (await Send("secret", "?page=3", new { term = "shoes" })).ShouldBe(HttpStatusCode.OK);
        server.Requests[^1].AnsweredBy.ShouldBe(ResponseSource.Fallback);
        (await Send("secret", "?page=2", new { term = "hats" })).ShouldBe(HttpStatusCode.OK);
        server.Requests[^1].AnsweredBy.ShouldBe(ResponseSource.Fallback);
        server.Requests[0].AnsweredBy.ShouldBe(ResponseSource.Stub);
    }

    [Fact]
    public async Task Body_that_is_not_json_does_not_match_a_json_condition()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.FallbackStatusCode = 418);
        server.Stub(HttpMethod.Post, "/items").WithJsonBody(json => json.GetProperty("name").GetString() == "a").Respond(201);
        using var client = server.CreateClient();

        using var notJson = await client.PostAsync("items", new StringContent("name=a"), TestContext.Current.CancellationToken);
        using var json = await client.PostAsync("items", new StringContent("""{"name":"a"}"""), TestContext.Current.CancellationToken);

        ((int)notJson.StatusCode).ShouldBe(418);
        json.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_stub_added_last_wins_when_several_match()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.StubPrefix(HttpMethod.Get, "/").Respond(StubResponse.Text("catch-all"));
        server.Stub(HttpMethod.Get, "/users/{id}").Respond(StubResponse.Text("template"));
        server.Stub(HttpMethod.Get, "/users/me").Respond(StubResponse.Text("exact"));
        server.Stub(HttpMethod.Get, "/users/{id}").WithHeader("X-Override").Respond(StubResponse.Text("override"));
        using var client = server.CreateClient();

        (await client.GetStringAsync("users/me", TestContext.Current.CancellationToken)).ShouldBe("exact");
        (await client.GetStringAsync("users/7", TestContext.Current.CancellationToken)).ShouldBe("template");
        (await client.GetStringAsync("other", TestContext.Current.CancellationToken)).ShouldBe("catch-all");
        using var message = new HttpRequestMessage(HttpMethod.Get, "users/me");
        message.Headers.Add("X-Override", "1");
        using var overridden = await client.SendAsync(message, TestContext.Current.CancellationToken);
        (await overridden.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("override");
    }

    [Fact]
    public async Task Stubs_come_before_files_and_can_serve_a_file_of_the_tree()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["data/order.json"] = """{"id":1}""", ["page.txt"] = "from file" });
        server.Stub(HttpMethod.Get, "/page.txt").Respond(StubResponse.Text("from stub"));
        server.Stub(HttpMethod.Get, "/orders/latest").Respond(StubResponse.File("data/order.json"));
        using var client = server.CreateClient();

        (await client.GetStringAsync("page.txt", TestContext.Current.CancellationToken)).ShouldBe("from stub");
        using var order = await client.GetAsync("orders/latest", TestContext.Current.CancellationToken);
        order.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        order.Content.Headers.ContentLength.ShouldBe(8);
        (await order.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("""{"id":1}""");
    }

    [Fact]
    public async Task A_stubbed_file_gets_the_content_type_the_files_stage_would_give_it()
    {
        await using var server = HttpFixtureServer.Start(
            new FileTree { ["data/order.order"] = "{}", ["data/note.txt"] = "hi" },
            o => o.ContentTypes[".order"] = "application/vnd.shop.order+json");
        server.Stub(HttpMethod.Get, "/custom").Respond(StubResponse.File("data/order.order"));
        server.Stub(HttpMethod.Get, "/text").Respond(StubResponse.File("data/note.txt"));
        using var client = server.CreateClient();

        using var custom = await client.GetAsync("custom", TestContext.Current.CancellationToken);
        custom.Content.Headers.ContentType!.ToString().ShouldBe("application/vnd.shop.order+json");
        using var stubbed = await client.GetAsync("text", TestContext.Current.CancellationToken);
        using var served = await client.GetAsync("data/note.txt", TestContext.Current.CancellationToken);
        stubbed.Content.Headers.ContentType!.ToString().ShouldBe(served.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task Bytes_and_stream_bodies_arrive_byte_for_byte()
    {
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7)).ToArray();
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/bytes").Respond(StubResponse.Bytes(bytes, "image/png"));
        server.Stub(HttpMethod.Get, "/stream").Respond(StubResponse.Stream(() => new MemoryStream(bytes)));
        using var client = server.CreateClient();

        using var fromBytes = await client.GetAsync("bytes", TestContext.Current.CancellationToken);
        fromBytes.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await fromBytes.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).ShouldBe(bytes);
        using var fromStream = await client.GetAsync("stream", TestContext.Current.CancellationToken);
        fromStream.Content.Headers.ContentLength.ShouldBe(bytes.Length);
        (await fromStream.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).ShouldBe(bytes);
    }

    [Fact]
    public async Task A_path_without_a_leading_slash_is_refused_with_a_message_saying_what_to_write()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());

        var ex = Should.Throw<ArgumentException>(() => server.Stub(HttpMethod.Get, "orders/{id}"));

        ex.Message.ShouldContain("must start with '/'");
        ex.Message.ShouldContain("'/orders/{id}'");
    }

    private sealed record SearchRequest(string Term);
}
