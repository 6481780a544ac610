using System.Net.Http.Headers;
using FakeHttpFixture.OpenApi.Tests.Support;

namespace FakeHttpFixture.OpenApi.Tests.Validation;

public sealed class DocumentTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void A_reference_to_nothing_fails_Start_naming_the_file_and_the_place()
    {
        var ex = Should.Throw<InvalidOperationException>(() => HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(Contract.File("broken-ref.yaml"))));

        ex.Message.ShouldStartWith($"The OpenAPI document '{Contract.File("broken-ref.yaml")}' cannot be used: at #/paths/~1things/get/responses/200/content/application~1json/schema/$ref: ");
        ex.Message.ShouldContain("'#/components/schemas/Thing'");
        ex.Message.ShouldEndWith("Fix the document, or pass another.");
    }

    [Fact]
    public void A_YAML_syntax_error_fails_Start_naming_the_file_line_and_column()
    {
        var ex = Should.Throw<InvalidOperationException>(() => HttpFixtureServer.Start(o => o.AnswerFromOpenApi(Contract.File("broken-syntax.yaml"))));

        ex.Message.ShouldStartWith($"The OpenAPI document '{Contract.File("broken-syntax.yaml")}' cannot be used: in the file: ");
        ex.Message.ShouldContain("line 3");
    }

    [Fact]
    public void An_invalid_schema_fails_Start_naming_the_place()
    {
        var ex = Should.Throw<InvalidOperationException>(() => HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(Contract.File("broken-type.json"))));

        ex.Message.ShouldContain("at #/paths/~1a/get/responses/200/content/application~1json/schema/type: ");
        ex.Message.ShouldContain("wrong");
    }

    [Fact]
    public void A_missing_file_fails_Start_saying_where_it_was_looked_for()
    {
        var ex = Should.Throw<FileNotFoundException>(() => HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi("no-such-contract.yaml")));

        ex.Message.ShouldContain(Path.GetFullPath("no-such-contract.yaml"));
    }

    [Fact]
    public async Task An_OpenAPI_3_1_document_checks_oneOf_const_and_null_in_type_arrays()
    {
        await using var server = HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(Contract.Shapes));
        server.Stub(HttpMethod.Post, "/shapes").Respond(Contract.Json("""{"kind":"square","side":3,"label":null}""", 201));
        var client = server.CreateClient();

        using var circle = new StringContent("""{"kind":"circle","radius":2,"label":null}""", new MediaTypeHeaderValue("application/json"));
        (await client.PostAsync("/shapes", circle, Token)).Dispose();
        using var neither = new StringContent("""{"kind":"square","side":4,"label":7}""", new MediaTypeHeaderValue("application/json"));
        (await client.PostAsync("/shapes", neither, Token)).Dispose();
        var message = Contract.VerifyFailure(server);

        message.ShouldNotContain("request #1");
        // oneOf: the body is neither a circle nor a square, and each branch says why.
        message.ShouldContain("""POST /shapes (request #2) broke the OpenAPI contract of POST /shapes in shapes.json: request body at /kind: const: Expected "circle" (received "square"; schema #/components/schemas/Circle/properties/kind).""");
        message.ShouldContain("""request body at /label: type: Value is "integer" but should be "string, null" (received 7; schema #/components/schemas/Square/properties/label)""");
        message.ShouldContain("request body at /side: multipleOf: 4 should be a multiple of 3 (received 4; schema #/components/schemas/Square/properties/side)");
    }

    [Fact]
    public async Task A_string_parameter_with_a_format_is_checked_by_the_format()
    {
        await using var server = HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(Contract.Shapes));
        server.Stub(HttpMethod.Get, "/shapes/{id}").Respond(Contract.Json("""{"kind":"circle","radius":1,"label":"c"}"""));
        var client = server.CreateClient();

        (await client.GetAsync("/shapes/3fa85f64-5717-4562-b3fc-2c963f66afa6", Token)).Dispose();
        (await client.GetAsync("/shapes/seven", Token)).Dispose();
        var message = Contract.VerifyFailure(server);

        message.ShouldNotContain("request #1");
        message.ShouldContain("""GET /shapes/seven (request #2) broke the OpenAPI contract of GET /shapes/{id} in shapes.json: request path parameter 'id': format: Value does not match format "uuid" (received "seven";""");
    }

    [Fact]
    public async Task A_changed_document_is_read_again_and_an_unchanged_one_comes_from_the_cache()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("fakehttp-openapi-").FullName, "cached.yaml");
        var original = (await File.ReadAllTextAsync(Contract.Pets, Token)).Replace("maximum: 100", "maximum: 200", StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, original, Token);
        var written = File.GetLastWriteTimeUtc(path);
        (await Limit300Passes(path)).ShouldBeFalse("the document as first written allows a limit of at most 200");

        // Same length and time: the file counts as unchanged, so the document read first (maximum 200) still applies, not this one.
        await File.WriteAllTextAsync(path, original.Replace("maximum: 200", "maximum: 900", StringComparison.Ordinal), Token);
        File.SetLastWriteTimeUtc(path, written);
        (await Limit300Passes(path)).ShouldBeFalse("a file of the same time and length is not read again, so the maximum of 200 read first still applies");

        File.SetLastWriteTimeUtc(path, written.AddMinutes(1));
        (await Limit300Passes(path)).ShouldBeTrue("a changed file is read again, and its maximum of 900 allows 300");
    }

    // True when GET /pets?limit=300 keeps the contract of the document at the path.
    private static async Task<bool> Limit300Passes(string path)
    {
        await using var server = HttpFixtureServer.Start(o => o.ValidateAgainstOpenApi(path));
        server.Stub(HttpMethod.Get, "/pets").Respond(Contract.Json("[]").WithHeader("X-Total-Count", "0"));
        (await server.CreateClient().GetAsync("/pets?limit=300", Token)).Dispose();
        try
        {
            server.Verify();
            return true;
        }
        catch (HttpFixtureVerificationException ex) when (ex.Message.Contains("'limit': maximum", StringComparison.Ordinal))
        {
            return false;
        }
    }
}
