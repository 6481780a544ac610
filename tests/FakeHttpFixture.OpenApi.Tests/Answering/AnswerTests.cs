using System.Net;
using System.Text.Json;
using FakeHttpFixture.OpenApi.Tests.Support;

namespace FakeHttpFixture.OpenApi.Tests.Answering;

public sealed class AnswerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_documented_operation_is_answered_with_its_media_types_example()
    {
        await using var server = HttpFixtureServer.Start(o => o.AnswerFromOpenApi(Contract.Pets));

        using var response = await server.CreateClient().GetAsync("/status.json", Token);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await response.Content.ReadAsStringAsync(Token)).ShouldBe("""{"status":"ok"}""");
        server.Requests[0].AnsweredBy.ShouldBe(ResponseSource.Extension);
        server.Requests[0].AnsweringStage.ShouldBe("openapi");
    }

    [Fact]
    public async Task The_first_of_the_examples_is_answered()
    {
        await using var server = HttpFixtureServer.Start(o => o.AnswerFromOpenApi(Contract.Shapes));

        var body = await server.CreateClient().GetStringAsync("/shapes", Token);

        body.ShouldBe("""[{"kind":"circle","radius":2,"label":null},{"kind":"square","side":3,"label":"box"}]""");
    }

    [Fact]
    public async Task Without_an_example_the_body_is_generated_from_the_schema_and_keeps_the_contract()
    {
        await using var server = HttpFixtureServer.Start(o => o.AnswerFromOpenApi(Contract.Pets).ValidateAgainstOpenApi(Contract.Pets));
        var client = server.CreateClient();

        using var pet = await client.GetAsync("/pets/7", Token);
        using var list = await client.GetAsync("/pets", Token);
        using var created = await client.PostAsync("/pets", new StringContent("""{"name":"Rex","kind":"dog"}""", System.Text.Encoding.UTF8, "application/json"), Token);

        pet.StatusCode.ShouldBe(HttpStatusCode.OK);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        list.Headers.GetValues("X-Total-Count").ShouldBe(["1"]);
        (await pet.Content.ReadAsStringAsync(Token)).ShouldBe("""{"name":"string","kind":"dog","tag":"string","born":"2024-01-01","chip":"174-QG","id":1}""");
        server.Verify();
    }

    [Fact]
    public async Task A_generated_oneOf_body_takes_the_first_branch_and_keeps_the_contract()
    {
        await using var server = HttpFixtureServer.Start(o => o.AnswerFromOpenApi(Contract.Shapes).ValidateAgainstOpenApi(Contract.Shapes));

        var body = await server.CreateClient().GetStringAsync("/shapes/3fa85f64-5717-4562-b3fc-2c963f66afa6", Token);

        JsonDocument.Parse(body).RootElement.GetProperty("kind").GetString().ShouldBe("circle");
        body.ShouldBe("""{"kind":"circle","radius":1,"label":"string"}""");
        server.Verify();
    }

    [Fact]
    public async Task Generated_bodies_are_the_same_on_every_request_and_every_server()
    {
        await using var first = HttpFixtureServer.Start(o => o.AnswerFromOpenApi(Contract.Pets));
        await using var second = HttpFixtureServer.Start(o => o.AnswerFromOpenApi(Contract.Pets));

        var a = await first.CreateClient().GetStringAsync("/pets", Token);
        var b = await first.CreateClient().GetStringAsync("/pets", Token);
        var c = await second.CreateClient().GetStringAsync("/pets", Token);

        b.ShouldBe(a);
        c.ShouldBe(a);
    }

    [Fact]
    public async Task A_stub_answers_before_the_document()
    {
        await using var server = HttpFixtureServer.Start(o => o.AnswerFromOpenApi(Contract.Pets));
        server.Stub(HttpMethod.Get, "/status.json").Respond(Contract.Json("""{"status":"degraded"}"""));

        var body = await server.CreateClient().GetStringAsync("/status.json", Token);

        body.ShouldBe("""{"status":"degraded"}""");
        server.Requests[0].AnsweredBy.ShouldBe(ResponseSource.Stub);
    }

    [Fact]
    public async Task What_the_document_lacks_falls_through_to_the_usual_answers()
    {
        await using var server = HttpFixtureServer.Start(o => o.AnswerFromOpenApi(Contract.Pets));
        var client = server.CreateClient();

        using var missing = await client.GetAsync("/owners/1", Token);
        using var wrongMethod = await client.PutAsync("/pets/1", new StringContent("{}"), Token);

        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        server.Requests[0].AnsweredBy.ShouldNotBe(ResponseSource.Extension);
        server.Requests[1].AnsweredBy.ShouldNotBe(ResponseSource.Extension);
    }

    [Fact]
    public async Task An_operation_without_a_body_is_answered_with_its_status_only()
    {
        await using var server = HttpFixtureServer.Start(o => o.AnswerFromOpenApi(Contract.Pets));

        using var response = await server.CreateClient().DeleteAsync("/pets/1", Token);

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await response.Content.ReadAsByteArrayAsync(Token)).ShouldBeEmpty();
    }
}
