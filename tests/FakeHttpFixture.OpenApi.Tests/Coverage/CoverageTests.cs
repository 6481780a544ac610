using FakeHttpFixture.OpenApi.Tests.Support;

namespace FakeHttpFixture.OpenApi.Tests.Coverage;

public sealed class CoverageTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Coverage_lists_each_operation_with_its_calls_and_the_responses_seen_and_not_seen()
    {
        await using var server = HttpFixtureServer.Start(o => o.AnswerFromOpenApi(Contract.Pets).ValidateAgainstOpenApi(Contract.Pets));
        server.Stub(HttpMethod.Get, "/pets/404").Respond(Contract.Json("""{"code":404,"message":"No such pet."}""", 404));
        var client = server.CreateClient();

        (await client.GetAsync("/pets/1", Token)).Dispose();
        (await client.GetAsync("/pets/404", Token)).Dispose();
        (await client.GetAsync("/pets", Token)).Dispose();
        server.Reset();
        (await client.GetAsync("/status.json", Token)).Dispose();
        var coverage = server.OpenApiCoverage();

        coverage.Operations.Count.ShouldBe(5);
        coverage.Unexercised.Select(o => o.ToString()).ShouldBe(["POST /pets", "DELETE /pets/{petId}"]);
        var getPet = coverage.Operations.Single(o => o.OperationId == "getPet");
        getPet.Calls.ShouldBe(2);
        getPet.StatusCodesSeen.ShouldBe([200, 404]);
        getPet.ResponsesNotSeen.ShouldBeEmpty();
        coverage.ToString().ShouldBe("""
            OpenAPI coverage of pets.yaml: 3 of 5 operations exercised, 4 of 7 documented responses seen.
              GET /pets             1 call, answered 200
              POST /pets            never called; not seen: 201, 400
              GET /pets/{petId}     2 calls, answered 200, 404
              DELETE /pets/{petId}  never called; not seen: 204
              GET /status.json      1 call, answered 200
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Requests_the_document_lacks_are_counted()
    {
        await using var server = HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(Contract.Pets));

        (await server.CreateClient().GetAsync("/owners", Token)).Dispose();
        Should.Throw<HttpFixtureVerificationException>(server.Verify);

        server.OpenApiCoverage().UndocumentedRequests.ShouldBe(1);
        server.OpenApiCoverage().ToString().ShouldStartWith("OpenAPI coverage of pets.yaml: 0 of 5 operations exercised, 0 of 7 documented responses seen; 1 requests matched no operation.");
    }

    [Fact]
    public async Task A_server_that_checks_no_document_has_no_coverage()
    {
        await using var server = HttpFixtureServer.Start(o => o.AnswerFromOpenApi(Contract.Pets));

        Should.Throw<InvalidOperationException>(server.OpenApiCoverage).Message.ShouldContain("options.ValidateAgainstOpenApi(path)");
    }
}
