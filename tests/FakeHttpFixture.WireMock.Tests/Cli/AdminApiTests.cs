using System.Net;
using System.Text;
using System.Text.Json;
using FakeHttpFixture.WireMock.Tests.Support;

namespace FakeHttpFixture.WireMock.Tests.Cli;

/// <summary>fakehttp --admin serves WireMock's admin API: mappings by id, 422 for a bad mapping, the journal's views, reset, health.</summary>
public sealed class AdminApiTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mapping_is_created_read_replaced_and_deleted_by_id()
    {
        await using var fakehttp = await StartAsync();
        using var client = Client(fakehttp);

        using var created = await client.PostAsync("__admin/mappings", Json("""{ "request": { "method": "GET", "url": "/new" }, "response": { "status": 200, "body": "v1" } }"""), Token);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("id").GetString();
        var v1 = await client.GetStringAsync("new", Token);
        var read = await client.GetStringAsync($"__admin/mappings/{id}", Token);
        using var replaced = await client.PutAsync($"__admin/mappings/{id}", Json("""{ "request": { "method": "GET", "url": "/new" }, "response": { "status": 200, "body": "v2" } }"""), Token);
        var v2 = await client.GetStringAsync("new", Token);
        using var deleted = await client.DeleteAsync($"__admin/mappings/{id}", Token);
        using var gone = await client.GetAsync("new", Token);
        using var missing = await client.GetAsync($"__admin/mappings/{id}", Token);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        v1.ShouldBe("v1");
        read.ShouldContain("\"url\": \"/new\"");
        replaced.StatusCode.ShouldBe(HttpStatusCode.OK);
        v2.ShouldBe("v2");
        deleted.StatusCode.ShouldBe(HttpStatusCode.OK);
        gone.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_mapping_is_refused_with_422_naming_the_JSON_path_and_the_word()
    {
        await using var fakehttp = await StartAsync();
        using var client = Client(fakehttp);

        using var unknown = await client.PostAsync("__admin/mappings", Json("""{ "request": { "method": "GET", "url": "/x", "bodyPatterns": [ { "equalToXml": "<a/>" } ] } }"""), Token);
        using var notJson = await client.PostAsync("__admin/mappings", Json("nope"), Token);
        var detail = await unknown.Content.ReadAsStringAsync(Token);

        unknown.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        detail.ShouldContain("$.request.bodyPatterns[0].equalToXml");
        detail.ShouldContain("'equalToXml' is not a word FakeHttpFixture.WireMock knows");
        notJson.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await notJson.Content.ReadAsStringAsync(Token)).ShouldContain("is not JSON");
    }

    [Fact]
    public async Task Journal_views_count_find_unmatched_and_near_misses_and_never_show_admin_calls()
    {
        await using var fakehttp = await StartAsync();
        using var client = Client(fakehttp);
        await client.GetStringAsync("path", Token);
        await client.GetStringAsync("path?again=1", Token);
        using var miss = await client.GetAsync("pth", Token);

        using var count = await client.PostAsync("__admin/requests/count", Json("""{ "method": "GET", "urlPath": "/path" }"""), Token);
        using var find = await client.PostAsync("__admin/requests/find", Json("""{ "method": "GET", "urlPath": "/path", "queryParameters": { "again": { "equalTo": "1" } } }"""), Token);
        var all = JsonDocument.Parse(await client.GetStringAsync("__admin/requests", Token)).RootElement;
        var unmatched = JsonDocument.Parse(await client.GetStringAsync("__admin/requests/unmatched", Token)).RootElement;
        var nearMisses = JsonDocument.Parse(await client.GetStringAsync("__admin/requests/unmatched/near-misses", Token)).RootElement;

        JsonDocument.Parse(await count.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("count").GetInt32().ShouldBe(2);
        JsonDocument.Parse(await find.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("requests")[0].GetProperty("url").GetString().ShouldBe("/path?again=1");
        all.GetProperty("meta").GetProperty("total").GetInt32().ShouldBe(3, "the admin API's own calls are not in the journal");
        all.GetProperty("requests")[0].GetProperty("request").GetProperty("url").GetString().ShouldBe("/pth", "newest first, as in WireMock");
        all.GetProperty("requests")[1].GetProperty("wasMatched").GetBoolean().ShouldBeTrue();
        all.GetProperty("requests")[1].GetProperty("stubMapping").GetProperty("id").GetString().ShouldBe("00000000-0000-4000-8000-000000000002");
        unmatched.GetProperty("requests").GetArrayLength().ShouldBe(1);
        var nearest = nearMisses.GetProperty("nearMisses")[0];
        nearest.GetProperty("request").GetProperty("url").GetString().ShouldBe("/pth");
        nearest.GetProperty("matchResult").GetProperty("distance").GetDouble().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Reset_forgets_added_mappings_requests_and_scenario_states()
    {
        await using var fakehttp = await StartAsync();
        using var client = Client(fakehttp);
        using var added = await client.PostAsync("__admin/mappings", Json("""{ "request": { "url": "/added" }, "response": { "status": 200 } }"""), Token);
        using var cart = await client.PostAsync("cart", null, Token);

        using var reset = await client.PostAsync("__admin/reset", null, Token);
        using var addedAfter = await client.GetAsync("added", Token);
        var cartAfter = await client.GetStringAsync("cart", Token);
        var requests = JsonDocument.Parse(await client.GetStringAsync("__admin/requests", Token)).RootElement;
        var health = await client.GetStringAsync("__admin/health", Token);

        reset.StatusCode.ShouldBe(HttpStatusCode.OK);
        addedAfter.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        cartAfter.ShouldBe("empty");
        requests.GetProperty("meta").GetProperty("total").GetInt32().ShouldBe(2, "the two requests after the reset");
        health.ShouldContain("\"status\": \"healthy\"");
    }

    private static Task<FakehttpProcess> StartAsync() =>
        FakehttpProcess.ServeAsync(AppContext.BaseDirectory, "--mappings", MappingSets.Reference, "--admin", "--port", "0", "--quiet");

    private static HttpClient Client(FakehttpProcess fakehttp)
    {
        var client = HttpCase.Client();
        client.BaseAddress = fakehttp.BaseAddress;
        return client;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
