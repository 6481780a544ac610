using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace FakeHttpFixture.Tests.Docs;

/// <summary>The code and the messages of docs/stubs-and-faults.md, run as tests so the page cannot drift from the API.</summary>
public sealed class StubsAndFaultsSnippets
{
    [Fact]
    public async Task Script_run_verify()
    {
        await using var server = HttpFixtureServer.Start(o => o.Strict = true);
        var orders = server.Stub(HttpMethod.Get, "/orders/{id}")
            .Respond(503, times: 2)
            .Respond(StubResponse.Json(new Order(42, "shipped")))
            .Required();
        var ordersClient = new OrdersClient(server.CreateClient());

        var order = await ordersClient.GetOrderAsync(42);       // the code under test, with its retry policy

        order.Status.ShouldBe("shipped");
        orders.CallCount.ShouldBe(3);
        server.Verify();   // throws if anything was unmatched, a required stub unused, or a handler threw

        server.Requests.Select(r => r.StatusCode).ShouldBe([503, 503, 200]);
    }

    [Fact]
    public async Task Conditions_narrow_a_stub()
    {
        await using var server = HttpFixtureServer.Start();
        using var client = server.CreateClient();

        server.Stub(HttpMethod.Post, "/search")
            .WithHeader("X-Api-Key", "secret")                      // header present, with this value (omit the value for "present")
            .WithQuery("page", "2")                                 // query parameter, with this value (omit for "present")
            .WithJsonBody<SearchRequest>(b => b.Term == "shoes")    // body read as JSON (web defaults); not JSON: no match
            .Respond(StubResponse.Json(new[] { "red shoes" }));

        (await Search(client, "secret", "?page=2", """{"term":"shoes"}""")).ShouldBe((HttpStatusCode.OK, """["red shoes"]"""));
        (await Search(client, "wrong", "?page=2", """{"term":"shoes"}""")).ShouldBe((HttpStatusCode.OK, ""));
        (await Search(client, "secret", "?page=3", """{"term":"shoes"}""")).ShouldBe((HttpStatusCode.OK, ""));
        (await Search(client, "secret", "?page=2", """{"term":"hats"}""")).ShouldBe((HttpStatusCode.OK, ""));
        (await Search(client, "secret", "?page=2", "term=shoes")).ShouldBe((HttpStatusCode.OK, ""));
        server.Requests.Select(r => r.AnsweredBy).ShouldBe([ResponseSource.Stub, ResponseSource.Fallback, ResponseSource.Fallback, ResponseSource.Fallback, ResponseSource.Fallback]);
    }

    [Fact]
    public async Task Matchers_that_compare_with_an_expected_value()
    {
        await using var server = HttpFixtureServer.Start();
        using var client = server.CreateClient();

        server.Stub(HttpMethod.Post, "/orders")
            .WithJsonBodyContaining(new { Customer = new { Id = 7 } })  // JSON with these values; more properties are fine
            .WithHeaderMatching("Authorization", new Regex("^Bearer ")) // a header value matching a regex
            .Respond(201);
        server.Stub(HttpMethod.Post, "/login").WithFormField("user", "ada").Respond(204);    // a form field, urlencoded or multipart
        server.Stub(HttpMethod.Post, "/log").WithBodyContaining("level=error").Respond(202); // body text; WithBodyText for all of it

        using var order = new HttpRequestMessage(HttpMethod.Post, "orders") { Content = JsonContent.Create(new { customer = new { id = 7, name = "Ada" }, items = Array.Empty<int>() }) };
        order.Headers.TryAddWithoutValidation("Authorization", "Bearer t0ken");
        (await client.SendAsync(order)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsync("login", new FormUrlEncodedContent([new("user", "ada")]))).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.PostAsync("log", new StringContent("ts=1 level=error msg=x"))).StatusCode.ShouldBe(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Route_values_reach_a_response_picked_per_request()
    {
        await using var server = HttpFixtureServer.Start();
        using var client = server.CreateClient();

        server.Stub(HttpMethod.Get, "/orders/{id}")
            .Respond(StubResponse.From(ctx => StubResponse.Json(new { Id = ctx.Request.RouteValues["id"], Status = "shipped" })));

        (await client.GetStringAsync("orders/7")).ShouldBe("""{"id":"7","status":"shipped"}""");
    }

    [Fact]
    public async Task The_queue_answers_in_order_whatever_the_path()
    {
        await using var server = HttpFixtureServer.Start();
        using var client = server.CreateClient();

        server.Enqueue(StubResponse.Text("first")).Enqueue(StubResponse.Text("second").WithStatus(202));

        using var first = await client.GetAsync("a");
        using var second = await client.PostAsync("b", null);
        using var third = await client.GetAsync("c");
        (first.StatusCode, await first.Content.ReadAsStringAsync()).ShouldBe((HttpStatusCode.OK, "first"));
        (second.StatusCode, await second.Content.ReadAsStringAsync()).ShouldBe((HttpStatusCode.Accepted, "second"));
        third.StatusCode.ShouldBe(HttpStatusCode.NotFound);   // the queue is empty: on to stubs, files, fallback
        server.Requests.Select(r => r.AnsweredBy).ShouldBe([ResponseSource.Queue, ResponseSource.Queue, ResponseSource.Fallback]);
    }

    [Fact]
    public async Task A_used_up_sequence_repeats_its_last_response()
    {
        await using var server = HttpFixtureServer.Start();
        using var client = server.CreateClient();

        server.Stub(HttpMethod.Get, "/status").Respond(500).Respond(204);
        // → 500, 204, 204, 204, …

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync("status");
            statuses.Add((int)response.StatusCode);
        }

        statuses.ShouldBe([500, 204, 204, 204]);
    }

    [Fact]
    public async Task A_delayed_response_trips_the_client_timeout_and_dispose_does_not_wait_for_it()
    {
        await using var server = HttpFixtureServer.Start();
        using var client = server.CreateClient();

        server.Stub(HttpMethod.Get, "/slow").Respond(StubResponse.Text("late").WithDelay(TimeSpan.FromSeconds(30)));
        client.Timeout = TimeSpan.FromMilliseconds(300);
        // GetAsync throws TaskCanceledException whose InnerException is a TimeoutException:
        // "The request was canceled due to the configured HttpClient.Timeout of 0.3 seconds elapsing."

        // Shouldly turns a cancelled task into a bare TaskCanceledException, so catch HttpClient's own here.
        TaskCanceledException? error = null;
        try
        {
            using var response = await client.GetAsync("slow");
        }
        catch (TaskCanceledException caught)
        {
            error = caught;
        }

        error.ShouldNotBeNull().InnerException.ShouldBeOfType<TimeoutException>();
        error.Message.ShouldBe("The request was canceled due to the configured HttpClient.Timeout of 0.3 seconds elapsing.");

        // A response still waiting does not hold dispose up (generous hang bound, far below the 30 s delay).
        using var hanging = server.CreateClient();
        var pending = hanging.GetAsync("slow");
        await server.WaitForRequestsAsync(2, r => r.Path == "/slow");
        var stopwatch = Stopwatch.StartNew();
        await server.DisposeAsync();
        stopwatch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(15));
        await Should.ThrowAsync<HttpRequestException>(() => pending);
    }

    [Fact]
    public async Task Verify_lists_every_problem_in_one_message()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.Strict = true);
        server.Stub(HttpMethod.Get, "/file").Respond(StubResponse.File("/not/there.json"));
        server.Stub(HttpMethod.Get, "/needed").Required();
        using var client = server.CreateClient();

        (await client.GetAsync("file")).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        (await client.GetAsync("nope")).StatusCode.ShouldBe(HttpStatusCode.NotImplemented);

        var error = Should.Throw<HttpFixtureVerificationException>(server.Verify);
        error.Message.ShouldBe("""
            The fixture server found 3 problems:
            - The handler for #1 GET /file threw FileNotFoundException: The stubbed file '/not/there.json' is not in the served tree. Add it to the tree, or fix the path given to StubResponse.File. The client saw 500.
            - #2 GET /nope matched no stub or file and was answered 501.
              The 2 stubs, nearest first:
                1. GET /file (stub 1 of 2)
                   ✓ method GET
                   ✗ path /file: received /nope, segment 1 is "nope", not "file"
                2. GET /needed (stub 2 of 2)
                   ✓ method GET
                   ✗ path /needed: received /nope, segment 1 is "nope", not "needed"
            - The required stub GET /needed was never called.
            """.ReplaceLineEndings("\n"));
        error.Problems.Count.ShouldBe(3);
        error.InnerException.ShouldBeOfType<FileNotFoundException>();
    }

    private static async Task<(HttpStatusCode Status, string Body)> Search(HttpClient client, string apiKey, string query, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "search" + query)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, body.StartsWith('{') ? "application/json" : "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private sealed record Order(int Id, string Status);

    private sealed record SearchRequest(string Term);

    /// <summary>The code under test of the page's first example: a client that retries 503s twice.</summary>
    private sealed class OrdersClient(HttpClient http)
    {
        public async Task<Order> GetOrderAsync(int id)
        {
            for (var attempt = 1; ; attempt++)
            {
                using var response = await http.GetAsync($"orders/{id}");
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 3)
                {
                    response.EnsureSuccessStatusCode();
                    return (await response.Content.ReadFromJsonAsync<Order>())!;
                }
            }
        }
    }
}
