using FakeHttpFixture.OpenApi.Tests.Support;

namespace FakeHttpFixture.OpenApi.Tests.Validation;

public sealed class ResponseViolationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_response_that_keeps_the_contract_passes_Verify()
    {
        await using var server = HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(Contract.Pets));
        server.Stub(HttpMethod.Get, "/pets/1").Respond(Contract.Json("""{"id":1,"name":"Rex","kind":"dog","tag":null,"born":"2020-02-29"}"""));

        using var response = await server.CreateClient().GetAsync("/pets/1", Token);

        response.IsSuccessStatusCode.ShouldBeTrue();
        server.Verify();
    }

    [Fact]
    public async Task A_drifted_stub_fails_Verify_naming_exchange_operation_pointer_wanted_and_received()
    {
        await using var server = HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(Contract.Pets));
        server.Stub(HttpMethod.Get, "/pets/1").Respond(Contract.Json("""{"id":1,"name":3,"kind":"dog"}"""));

        using var response = await server.CreateClient().GetAsync("/pets/1", Token);
        var message = Contract.VerifyFailure(server);

        response.IsSuccessStatusCode.ShouldBeTrue("a violation changes nothing the client gets");
        message.ShouldContain("GET /pets/1 (request #1) broke the OpenAPI contract of GET /pets/{petId} in pets.yaml: response 200 body at /name: ");
        message.ShouldContain("""type: Value is "integer" but should be "string" (received 3; schema #/components/schemas/NewPet/properties/name)""");
    }

    [Fact]
    public async Task A_missing_required_property_from_an_allOf_branch_is_reported_at_the_body()
    {
        await using var server = HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(Contract.Pets));
        server.Stub(HttpMethod.Get, "/pets/1").Respond(Contract.Json("""{"name":"Rex","kind":"dog"}"""));

        using var response = await server.CreateClient().GetAsync("/pets/1", Token);

        Contract.VerifyFailure(server).ShouldContain("""response 200 body: required: Required properties ["id"] are not present""");
    }

    [Fact]
    public async Task An_undocumented_status_is_a_violation_listing_the_documented_ones()
    {
        await using var server = HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(Contract.Pets));
        server.Stub(HttpMethod.Get, "/pets/1").Respond(418);

        using var response = await server.CreateClient().GetAsync("/pets/1", Token);

        Contract.VerifyFailure(server).ShouldContain("GET /pets/1 (request #1) broke the OpenAPI contract of GET /pets/{petId} in pets.yaml: response: the status 418 is not documented (documented: 200, 404).");
    }

    [Fact]
    public async Task A_response_of_an_undocumented_content_type_is_a_violation()
    {
        await using var server = HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(Contract.Pets));
        server.Stub(HttpMethod.Get, "/pets/1").Respond(StubResponse.Text("Rex"));

        using var response = await server.CreateClient().GetAsync("/pets/1", Token);

        Contract.VerifyFailure(server).ShouldContain("response 200 Content-Type: the document describes application/json but the response sent 'text/plain; charset=utf-8'.");
    }

    [Fact]
    public async Task A_missing_body_a_missing_required_header_and_a_header_of_the_wrong_type_are_violations()
    {
        await using var server = HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(Contract.Pets));
        var client = server.CreateClient();

        server.Stub(HttpMethod.Get, "/pets").Respond(200);
        (await client.GetAsync("/pets", Token)).Dispose();
        server.Stub(HttpMethod.Get, "/pets").Respond(Contract.Json("[]").WithHeader("X-Total-Count", "many"));
        (await client.GetAsync("/pets", Token)).Dispose();
        var message = Contract.VerifyFailure(server);

        message.ShouldContain("GET /pets (request #1) broke the OpenAPI contract of GET /pets in pets.yaml: response 200 header 'X-Total-Count': it is required but was not sent.");
        message.ShouldContain("GET /pets (request #1) broke the OpenAPI contract of GET /pets in pets.yaml: response 200 body: the document describes a body (application/json) but the response had none.");
        message.ShouldContain("""GET /pets (request #2) broke the OpenAPI contract of GET /pets in pets.yaml: response 200 header 'X-Total-Count': type: Value is "string" but should be "integer" (received "many";""");
    }

    [Fact]
    public async Task A_response_from_a_reference_is_checked_by_its_schema()
    {
        await using var server = HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(Contract.Pets));
        server.Stub(HttpMethod.Get, "/pets/9").Respond(Contract.Json("""{"code":"NOT_FOUND"}""", 404));

        using var response = await server.CreateClient().GetAsync("/pets/9", Token);
        var message = Contract.VerifyFailure(server);

        message.ShouldContain("response 404 body at /code: type: Value is \"string\" but should be \"integer\" (received \"NOT_FOUND\"; schema #/components/schemas/Error/properties/code)");
        message.ShouldContain("""response 404 body: required: Required properties ["message"] are not present""");
    }

    [Fact]
    public async Task A_file_the_server_serves_is_checked_like_a_stub()
    {
        var files = new FileTree { ["status.json"] = """{"status":"asleep"}""" };
        await using var server = HttpFixtureServer.Start(files, o => o.ValidateAgainstOpenApi(Contract.Pets));

        using var response = await server.CreateClient().GetAsync("/status.json", Token);

        response.IsSuccessStatusCode.ShouldBeTrue();
        Contract.VerifyFailure(server).ShouldContain("GET /status.json (request #1) broke the OpenAPI contract of GET /status.json in pets.yaml: response 200 body at /status: enum: ");
    }

    [Fact]
    public async Task A_path_below_the_servers_base_path_is_matched_to_its_operation()
    {
        await using var server = HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(Contract.Pets));
        server.Stub(HttpMethod.Get, "/v1/pets/1").Respond(Contract.Json("""{"id":0,"name":"Rex","kind":"dog"}"""));

        using var response = await server.CreateClient().GetAsync("/v1/pets/1", Token);

        Contract.VerifyFailure(server).ShouldContain("GET /v1/pets/1 (request #1) broke the OpenAPI contract of GET /pets/{petId} in pets.yaml: response 200 body at /id: minimum: ");
    }
}
