namespace FakeHttpFixture.OpenApi.Tests.Docs;

/// <summary>The code and the reports of docs/contracts.md, run as tests: the page shows exactly what these print.</summary>
public sealed class ContractsSnippets
{
    private const string DriftReport = """
        The fixture server found a problem: GET /pets/1 (request #1) broke the OpenAPI contract of GET /pets/{petId} in pets.yaml: response 200 body: required: Required properties ["kind"] are not present (received {"id":1,"name":"Rex","species":"dog"}; schema #/components/schemas/NewPet).
        """;

    private const string CoverageReport = """
        OpenAPI coverage of pets.yaml: 2 of 5 operations exercised, 2 of 7 documented responses seen.
          GET /pets             never called; not seen: 200
          POST /pets            1 call, answered 201; not seen: 400
          GET /pets/{petId}     1 call, answered 200; not seen: 404
          DELETE /pets/{petId}  never called; not seen: 204
          GET /status.json      never called; not seen: 200
        """;

    private static readonly string PetsYaml = Path.Combine(AppContext.BaseDirectory, "Contracts", "pets.yaml");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_client_tested_against_the_providers_document()
    {
        var contract = Path.Combine(AppContext.BaseDirectory, "Contracts", "pets.yaml");
        await using var server = HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(contract));
        server.Stub(HttpMethod.Get, "/pets/1").Respond(StubResponse.Json(new { id = 1, name = "Rex", kind = "dog" }));

        var rex = await new PetClient(server.CreateClient()).GetAsync(1, Token);

        rex.ShouldBe(new Pet(1, "Rex", "dog"));
        server.Verify(); // the request and the stub's answer both keep the contract
    }

    [Fact]
    public async Task A_drifted_stub_is_caught()
    {
        await using var server = HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(PetsYaml));
        // The provider renamed "species" to "kind" a while ago; this stub still answers the old shape.
        server.Stub(HttpMethod.Get, "/pets/1").Respond(StubResponse.Json(new { id = 1, name = "Rex", species = "dog" }));

        await new PetClient(server.CreateClient()).GetAsync(1, Token);

        var failure = Should.Throw<HttpFixtureVerificationException>(server.Verify);
        failure.Message.ShouldBe(DriftReport.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Answers_from_the_document_and_the_coverage_report()
    {
        await using var server = HttpFixtureServer.Start(o => o
            .ValidateAgainstOpenApi(PetsYaml)
            .AnswerFromOpenApi(PetsYaml));
        var pets = new PetClient(server.CreateClient());

        var added = await pets.AddAsync("Rex", "dog", Token);   // 201 with a body made from the Pet schema
        var fetched = await pets.GetAsync(1, Token);            // 200, the same way

        added.ShouldBe(new Pet(1, "string", "dog"));
        fetched.ShouldBe(added);
        server.Verify();
        TestContext.Current.TestOutputHelper?.WriteLine(server.OpenApiCoverage().ToString());
        server.OpenApiCoverage().ToString().ShouldBe(CoverageReport.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Checks_relaxed()
    {
        await using var server = HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(PetsYaml, checks =>
        {
            checks.IgnoreUnknownQueryParameters = true;     // ?trace=1 and friends pass
            checks.ForbidUndocumentedProperties = true;     // a body's top level may hold only what its schema names
            checks.SkipResponseChecks("/pets/{petId}");     // this test answers GET /pets/1 with a deliberate 500
        }));
        server.Stub(HttpMethod.Get, "/pets/1").Respond(500);
        server.Stub(HttpMethod.Post, "/pets").Respond(StubResponse.Json(new { id = 2, name = "Tom", kind = "cat", owner = "Ann" }).WithStatus(201));
        var client = server.CreateClient();

        (await client.GetAsync("/pets/1?trace=1", Token)).Dispose();
        (await client.PostAsync("/pets", JsonContent("""{"name":"Tom","kind":"cat"}"""), Token)).Dispose();

        var failure = Should.Throw<HttpFixtureVerificationException>(server.Verify);
        failure.Message.ShouldContain("POST /pets (request #2) broke the OpenAPI contract of POST /pets in pets.yaml: response 201 body at /owner: the property is not in the schema (unevaluatedProperties: false)");
        failure.Message.ShouldNotContain("request #1");
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
