using System.Net.Http.Headers;
using System.Text;
using FakeHttpFixture.OpenApi.Tests.Support;

namespace FakeHttpFixture.OpenApi.Tests.Validation;

public sealed class RequestViolationTests
{
    private const string Rex = """{"id":1,"name":"Rex","kind":"dog"}""";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_no_documented_path_matches_is_a_violation()
    {
        await using var server = HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(Contract.Pets));

        (await server.CreateClient().GetAsync("/owners/1", Token)).Dispose();

        Contract.VerifyFailure(server).ShouldContain("GET /owners/1 (request #1) broke the OpenAPI contract in pets.yaml: request: no documented path matches it.");
    }

    [Fact]
    public async Task A_method_the_documented_path_lacks_is_a_violation_listing_its_methods()
    {
        await using var server = HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(Contract.Pets));
        server.Stub(HttpMethod.Put, "/pets/1").Respond(204);

        (await server.CreateClient().PutAsync("/pets/1", new StringContent("{}"), Token)).Dispose();

        Contract.VerifyFailure(server).ShouldContain("PUT /pets/1 (request #1) broke the OpenAPI contract in pets.yaml: request: the path /pets/{petId} is documented, but not for PUT (it has GET, DELETE).");
    }

    [Fact]
    public async Task A_CORS_preflight_the_document_does_not_list_is_no_violation()
    {
        await using var server = HttpFixtureServer.Start(o =>
        {
            o.EnableCors = true;
            o.ValidateAgainstOpenApi(Contract.Pets);
        });
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/pets/1")
        {
            Headers = { { "Origin", "https://app.example" }, { "Access-Control-Request-Method", "DELETE" } },
        };

        (await server.CreateClient().SendAsync(preflight, Token)).Dispose();

        server.Verify();
        server.OpenApiCoverage().UndocumentedRequests.ShouldBe(0);
    }

    [Fact]
    public async Task A_path_parameter_of_the_wrong_type_is_a_violation()
    {
        await using var server = HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(Contract.Pets));
        server.Stub(HttpMethod.Get, "/pets/rex").Respond(Contract.Json(Rex));

        (await server.CreateClient().GetAsync("/pets/rex", Token)).Dispose();

        Contract.VerifyFailure(server).ShouldContain("""GET /pets/rex (request #1) broke the OpenAPI contract of GET /pets/{petId} in pets.yaml: request path parameter 'petId': type: Value is "string" but should be "integer" (received "rex"; schema #/components/parameters/PetId/schema).""");
    }

    [Fact]
    public async Task Query_parameters_are_checked_by_their_schemas_and_unknown_ones_are_violations()
    {
        await using var server = HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(Contract.Pets));
        server.Stub(HttpMethod.Get, "/pets").Respond(Contract.Json("[]").WithHeader("X-Total-Count", "0"), times: 3);
        var client = server.CreateClient();

        (await client.GetAsync("/pets?limit=10&kind=dog&kind=cat", Token)).Dispose();
        (await client.GetAsync("/pets?limit=500&kind=fish", Token)).Dispose();
        (await client.GetAsync("/pets?page=2", Token)).Dispose();
        var message = Contract.VerifyFailure(server);

        message.ShouldNotContain("request #1");
        message.ShouldContain("GET /pets?limit=500&kind=fish (request #2) broke the OpenAPI contract of GET /pets in pets.yaml: request query parameter 'limit': maximum: ");
        message.ShouldContain("GET /pets?limit=500&kind=fish (request #2) broke the OpenAPI contract of GET /pets in pets.yaml: request query parameter 'kind' at /0: enum: ");
        message.ShouldContain("GET /pets?page=2 (request #3) broke the OpenAPI contract of GET /pets in pets.yaml: request query parameter 'page': the operation documents no such parameter (it documents: limit, kind).");
    }

    [Fact]
    public async Task Unknown_query_parameters_pass_when_the_check_is_relaxed()
    {
        await using var server = HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(Contract.Pets, c => c.IgnoreUnknownQueryParameters = true));
        server.Stub(HttpMethod.Get, "/pets").Respond(Contract.Json("[]").WithHeader("X-Total-Count", "0"));

        (await server.CreateClient().GetAsync("/pets?page=2", Token)).Dispose();

        server.Verify();
    }

    [Fact]
    public async Task A_missing_required_header_and_a_header_too_short_are_violations()
    {
        await using var server = HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(Contract.Pets));
        server.Stub(HttpMethod.Delete, "/pets/1").Respond(204, times: 2);
        var client = server.CreateClient();

        (await client.DeleteAsync("/pets/1", Token)).Dispose();
        using var shortKey = new HttpRequestMessage(HttpMethod.Delete, "/pets/1") { Headers = { { "X-Api-Key", "abc" } } };
        (await client.SendAsync(shortKey, Token)).Dispose();
        var message = Contract.VerifyFailure(server);

        message.ShouldContain("DELETE /pets/1 (request #1) broke the OpenAPI contract of DELETE /pets/{petId} in pets.yaml: request header parameter 'X-Api-Key': it is required but was not sent.");
        message.ShouldContain("DELETE /pets/1 (request #2) broke the OpenAPI contract of DELETE /pets/{petId} in pets.yaml: request header parameter 'X-Api-Key': minLength: ");
    }

    [Fact]
    public async Task A_required_body_that_is_missing_is_a_violation()
    {
        await using var server = HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(Contract.Pets));
        server.Stub(HttpMethod.Post, "/pets").Respond(Contract.Json(Rex, 201));

        (await server.CreateClient().PostAsync("/pets", null, Token)).Dispose();

        Contract.VerifyFailure(server).ShouldContain("POST /pets (request #1) broke the OpenAPI contract of POST /pets in pets.yaml: request body: the body is required (application/json) but the request had none.");
    }

    [Fact]
    public async Task A_body_of_an_undocumented_type_or_not_JSON_is_a_violation()
    {
        await using var server = HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(Contract.Pets));
        server.Stub(HttpMethod.Post, "/pets").Respond(Contract.Json(Rex, 201), times: 2);
        var client = server.CreateClient();

        (await client.PostAsync("/pets", new StringContent("name=Rex", Encoding.UTF8, "application/x-www-form-urlencoded"), Token)).Dispose();
        (await client.PostAsync("/pets", new StringContent("{name:", Encoding.UTF8, "application/json"), Token)).Dispose();
        var message = Contract.VerifyFailure(server);

        message.ShouldContain("POST /pets (request #1) broke the OpenAPI contract of POST /pets in pets.yaml: request Content-Type: the operation accepts application/json but the request sent 'application/x-www-form-urlencoded; charset=utf-8'.");
        message.ShouldContain("POST /pets (request #2) broke the OpenAPI contract of POST /pets in pets.yaml: request body: the body is not JSON (");
    }

    [Fact]
    public async Task A_body_is_checked_by_its_schema_with_enums_nullable_formats_and_patterns()
    {
        await using var server = HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(Contract.Pets));
        server.Stub(HttpMethod.Post, "/pets").Respond(Contract.Json(Rex, 201), times: 2);
        var client = server.CreateClient();

        using var good = new StringContent("""{"name":"Rex","kind":"dog","tag":null,"born":"2021-06-01","chip":"123-AB"}""", new MediaTypeHeaderValue("application/json"));
        (await client.PostAsync("/pets", good, Token)).Dispose();
        using var bad = new StringContent("""{"name":null,"kind":"fish","born":"2021-13-45","chip":"12-ab"}""", new MediaTypeHeaderValue("application/json"));
        (await client.PostAsync("/pets", bad, Token)).Dispose();
        var message = Contract.VerifyFailure(server);

        message.ShouldNotContain("request #1");
        message.ShouldContain("""request body at /name: type: Value is "null" but should be "string" (received null; schema #/components/schemas/NewPet/properties/name)""");
        message.ShouldContain("request body at /kind: enum: ");
        message.ShouldContain("""request body at /born: format: Value does not match format "date" (received "2021-13-45";""");
        message.ShouldContain("""request body at /chip: pattern: """);
    }
}
