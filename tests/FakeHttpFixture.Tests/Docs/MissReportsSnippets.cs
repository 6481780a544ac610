using System.Net;
using System.Net.Http.Json;

namespace FakeHttpFixture.Tests.Docs;

/// <summary>The code and the report of docs/miss-reports.md, run as tests: the page shows exactly what these print.</summary>
public sealed class MissReportsSnippets
{
    private const string Report = """
        #1 POST /orders matched no stub or file and was answered 501.
        The 3 nearest of 5 stubs, nearest first:
          1. POST /orders (stub 1 of 5)
             ✓ method POST
             ✓ path /orders
             ✗ header X-Tenant: expected "acme", received "globex"
             ✗ JSON body containing {"items":[{"sku":"a-1"},{"sku":"b-2","qty":2}]}: $.items[1].qty: expected 2, received "2"
          2. GET /orders (stub 3 of 5)
             ✗ method: expected GET, received POST
             ✓ path /orders
             ✗ Where(r => r.Header("X-Tenant") == "acme") was false (X-Tenant: globex)
          3. PUT /orders/{id:int} (stub 4 of 5)
             ✗ method: expected PUT, received POST
             ✗ path template /orders/{id:int}: received /orders, which ends before segment 2, {id:int}
        """;

    [Fact]
    public async Task Report_of_a_missed_order()
    {
        await using var server = HttpFixtureServer.Start(o => o.Strict = true);
        server.Stub(HttpMethod.Post, "/orders")
            .WithHeader("X-Tenant", "acme")
            .WithJsonBodyContaining("""{ "items": [ { "sku": "a-1" }, { "sku": "b-2", "qty": 2 } ] }""")
            .Respond(201);
        server.Stub(HttpMethod.Post, "/orders/{id:int}/cancel").Respond(202);
        server.Stub(HttpMethod.Get, "/orders").Where(r => r.Header("X-Tenant") == "acme").Respond(StubResponse.Json(Array.Empty<string>()));
        server.Stub(HttpMethod.Put, "/orders/{id:int}").Respond(204);
        server.Stub(HttpMethod.Get, "/health").Respond(200);

        var client = server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Tenant", "globex");
        var response = await client.PostAsJsonAsync("orders", new { Items = new object[] { new { Sku = "a-1", Qty = 1 }, new { Sku = "b-2", Qty = "2" } } });

        response.StatusCode.ShouldBe(HttpStatusCode.NotImplemented);
        (await response.Content.ReadAsStringAsync()).ShouldBe($"FakeHttpFixture (strict): {Text(Report)}\nStub it with server.Stub(...), add the file, or leave Strict off.\n");
        Should.Throw<HttpFixtureVerificationException>(server.Verify).Message.ShouldBe("The fixture server found a problem: " + Text(Report));
        server.ExplainMiss(server.Requests[0]).ShouldBe(Text(Report));
        client.Dispose();
    }

    [Fact]
    public async Task Fewer_or_more_stubs_in_the_report()
    {
        await using var server = HttpFixtureServer.Start(o =>
        {
            o.Strict = true;
            o.MissReportStubCount = 10;   // the default is 3; 0 names the request alone
        });
        for (var i = 0; i < 12; i++)
        {
            server.Stub(HttpMethod.Get, $"/items/{i}");
        }

        using var client = server.CreateClient();
        using var response = await client.GetAsync("items/20");

        (await response.Content.ReadAsStringAsync()).ShouldContain("The 10 nearest of 12 stubs, nearest first:");
    }

    private static string Text(string report) => report.ReplaceLineEndings("\n").TrimEnd('\n');
}
