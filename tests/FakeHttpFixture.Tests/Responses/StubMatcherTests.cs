using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace FakeHttpFixture.Tests.Responses;

/// <summary>The matchers that compare with an expected value: what they match, over real requests.</summary>
public sealed class StubMatcherTests
{
    [Fact]
    public async Task Json_body_equal_to_ignores_property_order_and_compares_numbers_by_value()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Post, "/orders").WithJsonBodyEqualTo(new { Sku = "a-1", Qty = 2 }).Respond(201);
        using var client = server.CreateClient();

        (await StatusAsync(client, """{"qty":2.0,"sku":"a-1"}""")).ShouldBe(HttpStatusCode.Created);
        (await StatusAsync(client, """{"sku":"a-1","qty":2,"note":"x"}""")).ShouldBe(HttpStatusCode.OK);   // an extra property
        (await StatusAsync(client, """{"sku":"a-1","qty":"2"}""")).ShouldBe(HttpStatusCode.OK);           // a string, not a number
        (await StatusAsync(client, "not json")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Json_body_containing_allows_more_properties_at_every_depth_but_not_more_items()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Post, "/orders").WithJsonBodyContaining("""{ "customer": { "id": 7 }, "items": [ { "sku": "a" } ] }""").Respond(201);
        using var client = server.CreateClient();

        (await StatusAsync(client, """{"customer":{"id":7,"name":"Ada"},"items":[{"sku":"a","qty":1}],"note":"x"}""")).ShouldBe(HttpStatusCode.Created);
        (await StatusAsync(client, """{"customer":{"id":8},"items":[{"sku":"a"}]}""")).ShouldBe(HttpStatusCode.OK);
        (await StatusAsync(client, """{"customer":{"id":7},"items":[{"sku":"a"},{"sku":"b"}]}""")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Json_text_that_is_not_json_is_refused_when_the_stub_is_made()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());

        Should.Throw<ArgumentException>(() => server.Stub(HttpMethod.Post, "/a").WithJsonBodyEqualTo("{ qty: 2 }"))
            .Message.ShouldStartWith("The expected body is not JSON:");
    }

    [Fact]
    public async Task Body_text_equal_and_containing_compare_the_decoded_text()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Post, "/exact").WithBodyText("café").Respond(201);
        server.Stub(HttpMethod.Post, "/part").WithBodyContaining("user=ada").Respond(202);
        using var client = server.CreateClient();

        using var latin1 = new ByteArrayContent(Encoding.Latin1.GetBytes("café"));
        latin1.Headers.ContentType = new("text/plain") { CharSet = "iso-8859-1" };
        (await client.PostAsync("exact", latin1, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsync("exact", new StringContent("cafe"), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsync("part", new StringContent("action=login&user=ada"), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await client.PostAsync("part", new StringContent("user=bob"), TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Form_field_matches_urlencoded_and_multipart_forms()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Post, "/checkout").WithFormField("qty", "2").WithFormField("coupon").Respond(201);
        using var client = server.CreateClient();

        using var urlencoded = new FormUrlEncodedContent([new("qty", "2"), new("coupon", "")]);
        using var multipart = new MultipartFormDataContent { { new StringContent("2"), "qty" }, { new StringContent("SPRING"), "coupon" } };
        using var without = new FormUrlEncodedContent([new("qty", "2")]);
        (await client.PostAsync("checkout", urlencoded, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsync("checkout", multipart, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.PostAsync("checkout", without, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Header_matching_a_regex_needs_the_header_and_a_match()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());
        server.Stub(HttpMethod.Get, "/me").WithHeaderMatching("Authorization", new Regex(@"^Bearer \S+$")).Respond(204);
        using var client = server.CreateClient();

        (await GetAsync(client, "Bearer abc.def")).ShouldBe(HttpStatusCode.NoContent);
        (await GetAsync(client, "Basic abc")).ShouldBe(HttpStatusCode.NotFound);
        (await GetAsync(client, null)).ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string json)
    {
        using var response = await client.PostAsync("orders", new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> GetAsync(HttpClient client, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "me");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
