using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;

namespace FakeHttpFixture.Tests.Responses;

/// <summary>The miss report of a strict server: for each kind of condition, the line that says whether it held, with what it expected and received.</summary>
public sealed class MissReportTests
{
    [Fact]
    public async Task Method_miss_says_which_method_was_expected_and_which_came()
    {
        await using var server = StrictServer();
        server.Stub(HttpMethod.Put, "/orders/7").Respond(204);

        var report = await ReportAsync(server, new HttpRequestMessage(HttpMethod.Post, "orders/7"));

        report.ShouldBe("""
            #1 POST /orders/7 matched no stub or file and was answered 501.
            The only stub:
              1. PUT /orders/7
                 ✗ method: expected PUT, received POST
                 ✓ path /orders/7
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Exact_path_miss_names_the_first_segment_that_differs()
    {
        await using var server = StrictServer();
        server.Stub(HttpMethod.Get, "/orders/7/lines");
        server.Stub(HttpMethod.Get, "/orders");
        server.Stub(HttpMethod.Get, "/Orders/7/items");

        var report = await ReportAsync(server, new HttpRequestMessage(HttpMethod.Get, "orders/7/items"));

        report.ShouldBe("""
            #1 GET /orders/7/items matched no stub or file and was answered 501.
            The 3 stubs, nearest first:
              1. GET /Orders/7/items (stub 3 of 3)
                 ✓ method GET
                 ✗ path /Orders/7/items: received /orders/7/items, segment 1 is "orders", not "Orders" (paths are case-sensitive)
              2. GET /orders/7/lines (stub 1 of 3)
                 ✓ method GET
                 ✗ path /orders/7/lines: received /orders/7/items, segment 3 is "items", not "lines"
              3. GET /orders (stub 2 of 3)
                 ✓ method GET
                 ✗ path /orders: received /orders/7/items, which goes on past the end with "/7/items"
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Exact_path_miss_on_a_final_slash_says_so()
    {
        await using var server = StrictServer();
        server.Stub(HttpMethod.Get, "/orders");

        var report = await ReportAsync(server, new HttpRequestMessage(HttpMethod.Get, "orders/"));

        report.ShouldContain("✗ path /orders: received /orders/, which has a final '/' the stub's path has not");
    }

    [Fact]
    public async Task Template_miss_names_the_parameter_or_constraint_the_path_fails()
    {
        await using var server = StrictServer();
        server.Stub(HttpMethod.Get, "/orders/{id:int}/lines");

        var shorter = await ReportAsync(server, new HttpRequestMessage(HttpMethod.Get, "orders"));
        var wrongType = await ReportAsync(server, new HttpRequestMessage(HttpMethod.Get, "orders/abc/lines"));

        shorter.ShouldContain("✗ path template /orders/{id:int}/lines: received /orders, which ends before segment 2, {id:int}");
        wrongType.ShouldContain("""✗ path template /orders/{id:int}/lines: received /orders/abc/lines, segment 2 "abc" does not satisfy {id:int}""");
    }

    [Fact]
    public async Task Template_miss_on_a_catch_all_or_a_complex_segment_names_the_segment()
    {
        await using var server = StrictServer();
        server.Stub(HttpMethod.Get, "/files/{**rest}");
        server.Stub(HttpMethod.Get, "/reports/{name}.json");

        var catchAll = await ReportAsync(server, new HttpRequestMessage(HttpMethod.Get, "file/a/b.txt"));
        var complex = await ReportAsync(server, new HttpRequestMessage(HttpMethod.Get, "reports/may.csv"));

        catchAll.ShouldContain("""✗ path template /files/{**rest}: received /file/a/b.txt, segment 1 is "file", not "files" """.TrimEnd());
        complex.ShouldContain("""✗ path template /reports/{name}.json: received /reports/may.csv, segment 2 "may.csv" does not fit {name}.json""");
    }

    [Fact]
    public async Task Template_that_held_shows_its_route_values()
    {
        await using var server = StrictServer();
        server.Stub(HttpMethod.Get, "/orders/{id}").WithQuery("expand", "lines");

        var report = await ReportAsync(server, new HttpRequestMessage(HttpMethod.Get, "orders/42"));

        report.ShouldContain("""
                 ✓ path template /orders/{id} (id: 42)
                 ✗ query expand: expected "lines", not sent
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Regex_miss_says_whether_the_path_starts_as_the_pattern_does()
    {
        await using var server = StrictServer();
        server.Stub(HttpMethod.Get, new Regex(@"^/v(?<version>\d+)/ping$"));

        var otherStart = await ReportAsync(server, new HttpRequestMessage(HttpMethod.Get, "ping"));
        var otherRest = await ReportAsync(server, new HttpRequestMessage(HttpMethod.Get, "vx/ping"));

        otherStart.ShouldContain("""✗ path regex ^/v(?<version>\d+)/ping$: received /ping, which does not start with "/v" """.TrimEnd());
        otherRest.ShouldContain("""✗ path regex ^/v(?<version>\d+)/ping$: received /vx/ping, which starts with "/v" but does not match the rest""");
    }

    [Fact]
    public async Task Prefix_miss_names_the_segment_that_differs()
    {
        await using var server = StrictServer();
        server.StubPrefix(HttpMethod.Get, "/api/v2");

        var report = await ReportAsync(server, new HttpRequestMessage(HttpMethod.Get, "api/v1/users"));

        report.ShouldContain("""
              1. GET /api/v2…
                 ✓ method GET
                 ✗ path prefix /api/v2: received /api/v1/users, segment 2 is "v1", not "v2"
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Header_miss_says_missing_or_expected_against_received()
    {
        await using var server = StrictServer();
        server.Stub(HttpMethod.Get, "/me")
            .WithHeader("X-Tenant", "acme")
            .WithHeader("X-Api-Key")
            .WithHeader("Accept")
            .WithHeaderMatching("Authorization", new Regex("^Bearer "));
        using var request = new HttpRequestMessage(HttpMethod.Get, "me");
        request.Headers.Add("X-Tenant", "globex");
        request.Headers.Add("Accept", "application/json");
        request.Headers.TryAddWithoutValidation("Authorization", "Basic dXNlcg==");

        var report = await ReportAsync(server, request);

        report.ShouldEndWith("""
                 ✗ header X-Tenant: expected "acme", received "globex"
                 ✗ header X-Api-Key: not sent
                 ✓ header Accept: "application/json"
                 ✗ header Authorization: expected a value matching /^Bearer /, received "Basic dXNlcg=="
            """.ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    [Fact]
    public async Task Query_miss_says_missing_or_expected_against_received()
    {
        await using var server = StrictServer();
        server.Stub(HttpMethod.Get, "/search").WithQuery("page", "2").WithQuery("q").WithQuery("sort", "asc");

        var report = await ReportAsync(server, new HttpRequestMessage(HttpMethod.Get, "search?page=3&page=4&q=shoes"));

        report.ShouldEndWith("""
                 ✗ query page: expected "2", received "3", "4"
                 ✓ query q: "shoes"
                 ✗ query sort: expected "asc", not sent
            """.ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    [Fact]
    public async Task Json_partial_match_names_the_path_of_the_first_difference()
    {
        await using var server = StrictServer();
        server.Stub(HttpMethod.Post, "/orders").WithJsonBodyContaining("""{ "customer": { "id": 7 }, "items": [ { "sku": "a" }, { "qty": 2 } ] }""");
        using var request = new HttpRequestMessage(HttpMethod.Post, "orders")
        {
            Content = JsonContent.Create(new { customer = new { id = 7, name = "Ada" }, items = new object[] { new { sku = "a", qty = 1 }, new { sku = "b", qty = "2" } } }),
        };

        var report = await ReportAsync(server, request);

        report.ShouldEndWith("""✗ JSON body containing {"customer":{"id":7},"items":[{"sku":"a"},{"qty":2}]}: $.items[1].qty: expected 2, received "2" """.TrimEnd());
    }

    [Fact]
    public async Task Json_equality_names_missing_extra_and_too_many_items()
    {
        await using var server = StrictServer();
        server.Stub(HttpMethod.Post, "/a").WithJsonBodyEqualTo(new { Sku = "a", Qty = 2 });
        server.Stub(HttpMethod.Post, "/b").WithJsonBodyEqualTo("""{ "sku": "a" }""");
        server.Stub(HttpMethod.Post, "/c").WithJsonBodyEqualTo("""[1, 2]""");
        server.Stub(HttpMethod.Post, "/d").WithJsonBodyEqualTo("""{ "a": 1 }""");

        var missing = await ReportAsync(server, Post("a", """{"sku":"a"}"""));
        var extra = await ReportAsync(server, Post("b", """{"sku":"a","note":"gift"}"""));
        var longer = await ReportAsync(server, Post("c", """[1,2,3]"""));
        var notJson = await ReportAsync(server, Post("d", "a=1"));

        missing.ShouldContain("""✗ JSON body equal to {"sku":"a","qty":2}: $.qty: expected 2, not present""");
        extra.ShouldContain("""✗ JSON body equal to {"sku":"a"}: $.note: not expected, received "gift" """.TrimEnd());
        longer.ShouldContain("✗ JSON body equal to [1,2]: $: expected 2 items, received 3");
        notJson.ShouldContain("""✗ JSON body equal to {"a":1}: the body is not JSON ('a' is an invalid start of a value): a=1""");
    }

    [Fact]
    public async Task Form_field_miss_says_missing_or_expected_against_received()
    {
        await using var server = StrictServer();
        server.Stub(HttpMethod.Post, "/checkout").WithFormField("qty", "2").WithFormField("coupon").WithFormField("sku", "a-1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "checkout")
        {
            Content = new FormUrlEncodedContent([new("qty", "3"), new("sku", "a-1")]),
        };

        var report = await ReportAsync(server, request);
        var json = await ReportAsync(server, Post("checkout", """{"qty":2}"""));

        report.ShouldEndWith("""
                 ✗ form field qty: expected "2", received "3"
                 ✗ form field coupon: expected a value, not sent
                 ✓ form field sku: "a-1"
            """.ReplaceLineEndings("\n").TrimEnd('\n'));
        json.ShouldContain("✗ form field qty: expected \"2\", but the body is not a form (Content-Type: application/json; charset=utf-8)");
    }

    [Fact]
    public async Task Body_text_miss_shows_where_the_texts_part()
    {
        await using var server = StrictServer();
        server.Stub(HttpMethod.Post, "/log").WithBodyText("level=info");
        server.Stub(HttpMethod.Post, "/audit").WithBodyContaining("user=ada");

        var equal = await ReportAsync(server, Post("log", "level=warn"));
        var contains = await ReportAsync(server, Post("audit", "user=bob&action=login"));

        equal.ShouldContain("""✗ body: expected "level=info", received "level=warn" (first difference at character 7)""");
        contains.ShouldContain("""✗ body containing "user=ada": not found in "user=bob&action=login" """.TrimEnd());
    }

    [Fact]
    public async Task Predicate_is_named_by_its_source_text_with_the_values_it_reads()
    {
        await using var server = StrictServer();
        server.Stub(HttpMethod.Get, "/reports")
            .Where(r => r.Header("X-Tenant") == "acme")
            .Where(r => r.Path.Length > 1)
            .Where(r => r.QueryString.Contains("year=", StringComparison.Ordinal) && r.Cookies.ContainsKey("session"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "reports?month=5");
        request.Headers.Add("X-Tenant", "globex");

        var report = await ReportAsync(server, request);

        report.ShouldEndWith("""
                 ✗ Where(r => r.Header("X-Tenant") == "acme") was false (X-Tenant: globex)
                 ✓ Where(r => r.Path.Length > 1)
                 ✗ Where(r => r.QueryString.Contains("year=", StringComparison.Ordinal) && r.Cookies.ContainsKey("session")) was false (query: ?month=5)
            """.ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    [Fact]
    public async Task Predicate_written_over_several_lines_is_shown_on_one()
    {
        await using var server = StrictServer();
        server.Stub(HttpMethod.Get, "/a").Where(r =>
            r.Method == "GET" &&
            r.Header("X-Debug") is not null);

        var report = await ReportAsync(server, new HttpRequestMessage(HttpMethod.Get, "a"));

        report.ShouldEndWith("""✗ Where(r => r.Method == "GET" && r.Header("X-Debug") is not null) was false (method: GET, X-Debug: not sent)""");
    }

    [Fact]
    public async Task Json_predicate_and_a_predicate_that_throws_are_reported_not_thrown()
    {
        await using var server = StrictServer();
        server.Stub(HttpMethod.Post, "/search")
            .WithJsonBody<SearchRequest>(b => b.Term == "shoes")
            .Where(r => r.BodyJson<SearchRequest>()!.Term.Length > 10);
        server.Stub(HttpMethod.Post, "/find").WithJsonBody<SearchRequest>(b => b.Term == "shoes");

        var report = await ReportAsync(server, Post("search", """{"term":"hats"}"""));
        var notJson = await ReportAsync(server, Post("find", "term=hats"));

        report.ShouldContain("""
                 ✗ WithJsonBody(b => b.Term == "shoes") was false (body: {"term":"hats"})
                 ✗ Where(r => r.BodyJson<SearchRequest>()!.Term.Length > 10) was false (body: {"term":"hats"})
            """.ReplaceLineEndings("\n"));
        notJson.ShouldContain("""✗ WithJsonBody(b => b.Term == "shoes"): the body does not read as SearchRequest ('term=hats' is an invalid JSON literal): term=hats""");
    }

    [Fact]
    public async Task A_predicate_that_throws_while_reporting_is_shown_with_its_exception()
    {
        await using var server = StrictServer();
        server.Stub(HttpMethod.Get, "/a").Where(r => TenantOf(r) == "acme");

        // On the request path the stub's path fails first and its predicate never runs; the report asks every condition.
        var report = await ReportAsync(server, new HttpRequestMessage(HttpMethod.Get, "b"));

        report.ShouldEndWith("""✗ Where(r => TenantOf(r) == "acme") threw InvalidOperationException: The request names no tenant""");
    }

    [Fact]
    public async Task Any_method_stub_says_so_and_no_stub_at_all_says_so()
    {
        await using var server = StrictServer();
        using var client = server.CreateClient();
        using (await client.GetAsync("nothing")) { }
        server.StubPrefix(null, "/api");
        using (await client.DeleteAsync("apix")) { }

        var problems = Should.Throw<HttpFixtureVerificationException>(server.Verify).Problems;

        problems[0].ShouldBe("""
            #1 GET /nothing matched no stub or file and was answered 501.
            No stubs are set up.
            """.ReplaceLineEndings("\n").TrimEnd('\n'));
        problems[1].ShouldBe("""
            #2 DELETE /apix matched no stub or file and was answered 501.
            The only stub:
              1. any method /api…
                 ✓ any method (DELETE)
                 ✗ path prefix /api: received /apix, segment 1 is "apix", not "api"
            """.ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    [Fact]
    public async Task Twenty_stubs_are_ranked_same_path_first_then_path_closeness_then_method()
    {
        await using var server = StrictServer(o => o.MissReportStubCount = 7);
        for (var i = 0; i < 14; i++)
        {
            server.Stub(HttpMethod.Get, $"/catalog/section{i}/items");                 // 1–14: two segments differ
        }

        server.Stub(HttpMethod.Post, "/orders/{id}/lines");                            // 15: path matches, method differs
        server.Stub(HttpMethod.Get, "/orders/{id}/lines").WithHeader("X-Tenant", "acme"); // 16: method and path match, a header fails
        server.Stub(HttpMethod.Get, "/orders/{id}/line");                               // 17: one segment, one character off
        server.Stub(HttpMethod.Get, "/orders/{id}/invoices");                           // 18: one segment, five characters off
        server.Stub(HttpMethod.Delete, "/orders/{id}/lines/{line}");                   // 19: one segment missing, method differs
        server.Stub(HttpMethod.Get, "/customers/{id}/lines");                           // 20: one segment, six characters off

        var report = await ReportAsync(server, new HttpRequestMessage(HttpMethod.Get, "orders/7/lines"));

        report.Split('\n')[1].ShouldBe("The 7 nearest of 20 stubs, nearest first:");
        report.Split('\n').Where(l => Regex.IsMatch(l, @"^  \d\. ")).ShouldBe([
            "  1. GET /orders/{id}/lines (stub 16 of 20)",
            "  2. POST /orders/{id}/lines (stub 15 of 20)",
            "  3. GET /orders/{id}/line (stub 17 of 20)",
            "  4. DELETE /orders/{id}/lines/{line} (stub 19 of 20)",    // as near as 17; the method puts it after
            "  5. GET /orders/{id}/invoices (stub 18 of 20)",
            "  6. GET /customers/{id}/lines (stub 20 of 20)",
            "  7. GET /catalog/section7/items (stub 8 of 20)",              // "section7" is the nearest to "7"
        ]);
    }

    [Fact]
    public async Task MissReportStubCount_bounds_the_stubs_shown_and_zero_shows_none()
    {
        await using var server = StrictServer(o => o.MissReportStubCount = 0);
        server.Stub(HttpMethod.Get, "/a");
        server.Stub(HttpMethod.Get, "/b");

        var report = await ReportAsync(server, new HttpRequestMessage(HttpMethod.Get, "c"));

        report.ShouldBe("""
            #1 GET /c matched no stub or file and was answered 501.
            2 stubs are set up; none is shown, as HttpFixtureOptions.MissReportStubCount is 0.
            """.ReplaceLineEndings("\n").TrimEnd('\n'));
        Should.Throw<ArgumentException>(() => HttpFixtureServer.Start(new FileTree(), o => o.MissReportStubCount = -1))
            .Message.ShouldStartWith("MissReportStubCount must be zero (show no stub) or a positive count, such as 3; it is -1.");
    }

    [Fact]
    public async Task ExplainMiss_reports_on_a_lenient_server_too_and_says_what_answered()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" });
        server.Stub(HttpMethod.Post, "/orders").WithHeader("X-Tenant", "acme");
        using var client = server.CreateClient();
        using (await client.PostAsync("orders", new StringContent("{}"))) { }
        using (await client.GetAsync("a.txt")) { }

        var requests = server.Requests;

        server.ExplainMiss(requests[0]).ShouldBe("""
            #1 POST /orders matched no stub or file and was answered 200.
            The only stub:
              1. POST /orders
                 ✓ method POST
                 ✓ path /orders
                 ✗ header X-Tenant: expected "acme", not sent
            """.ReplaceLineEndings("\n").TrimEnd('\n'));
        server.ExplainMiss(requests[1]).ShouldStartWith("#2 GET /a.txt was answered from the served files (200).\nThe only stub:");
        server.Verify();   // lenient: a miss is not a problem
    }

    [Fact]
    public async Task Verify_on_dispose_throws_with_the_miss_report()
    {
        var server = HttpFixtureServer.Start(new FileTree(), o =>
        {
            o.Strict = true;
            o.VerifyOnDispose = true;
        });
        server.Stub(HttpMethod.Get, "/orders").WithQuery("page", "2");
        using (var client = server.CreateClient())
        using (await client.GetAsync("orders?page=3", TestContext.Current.CancellationToken))
        {
        }

        var error = await Should.ThrowAsync<HttpFixtureVerificationException>(() => server.DisposeAsync().AsTask());

        error.Message.ShouldBe("""
            The fixture server found a problem: #1 GET /orders?page=3 matched no stub or file and was answered 501.
            The only stub:
              1. GET /orders
                 ✓ method GET
                 ✓ path /orders
                 ✗ query page: expected "2", received "3"
            """.ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    [Fact]
    public async Task The_report_is_built_only_on_a_strict_miss_or_when_asked()
    {
        var calls = 0;
        await using var lenient = HttpFixtureServer.Start(new FileTree());
        lenient.Stub(HttpMethod.Get, "/a").Where(r => Interlocked.Increment(ref calls) > 0);
        using var client = lenient.CreateClient();

        using (await client.GetAsync("b", TestContext.Current.CancellationToken))
        {
        }

        // The stub's path failed, so its predicate never ran; nothing built a report for the 404.
        calls.ShouldBe(0);
        lenient.ExplainMiss(lenient.Requests[0]).ShouldEndWith("✓ Where(r => Interlocked.Increment(ref calls) > 0)");
        calls.ShouldBe(1);
    }

    private static HttpFixtureServer StrictServer(Action<HttpFixtureOptions>? configure = null) =>
        HttpFixtureServer.Start(new FileTree(), o =>
        {
            o.Strict = true;
            configure?.Invoke(o);
        });

    private static HttpRequestMessage Post(string path, string body) =>
        new(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, body.StartsWith('{') || body.StartsWith('[') ? "application/json" : "text/plain") };

    // Sends the request and returns the report Verify gives for it: the last of its problems, as a test may send several.
    private static async Task<string> ReportAsync(HttpFixtureServer server, HttpRequestMessage request)
    {
        using (request)
        using (var client = server.CreateClient())
        using (var response = await client.SendAsync(request, TestContext.Current.CancellationToken))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotImplemented);
        }

        return Should.Throw<HttpFixtureVerificationException>(server.Verify).Problems[^1];
    }

    private static string TenantOf(RecordedRequest request) =>
        request.Header("X-Tenant") ?? throw new InvalidOperationException("The request names no tenant. Send X-Tenant.");

    private sealed record SearchRequest(string Term);
}
