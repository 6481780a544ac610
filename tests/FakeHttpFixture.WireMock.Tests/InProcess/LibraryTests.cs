using System.Net;
using System.Text;
using FakeHttpFixture.WireMock.Tests.Support;

namespace FakeHttpFixture.WireMock.Tests.InProcess;

/// <summary>The same mapping files in-process: LoadWireMockMappings and EnableAdminApi on HttpFixtureOptions.</summary>
public sealed class LibraryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Mapping_files_answer_in_process_and_the_journal_names_the_wiremock_stage()
    {
        var wireMockRoot = MappingSets.Reference;

        await using var srv = HttpFixtureServer.Start(o => o.LoadWireMockMappings(wireMockRoot).EnableAdminApi());
        var client = srv.CreateClient();
        var answer = await client.GetStringAsync("/users/7/orders/1", Token);
        var request = await srv.WaitForRequestAsync(r => r.Path == "/users/7/orders/1");

        answer.ShouldBe("user 7's order");
        request.AnsweredBy.ShouldBe(ResponseSource.Extension);
        request.AnsweringStage.ShouldBe("wiremock");
    }

    [Fact]
    public async Task Admin_calls_stay_out_of_the_journal_and_Reset_goes_back_to_the_files()
    {
        await using var srv = HttpFixtureServer.Start(o => o.LoadWireMockMappings(MappingSets.Reference).EnableAdminApi());
        var client = srv.CreateClient();
        using var added = await client.PostAsync("/__admin/mappings", new StringContent("""{ "request": { "url": "/added" }, "response": { "body": "added" } }""", Encoding.UTF8), Token);
        var before = await client.GetStringAsync("/added", Token);

        srv.Reset();
        using var after = await client.GetAsync("/added", Token);
        var fromFile = await client.GetStringAsync("/path", Token);

        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        before.ShouldBe("added");
        after.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        fromFile.ShouldBe("path only");
        srv.Requests.ShouldNotContain(r => r.Path.StartsWith("/__admin", StringComparison.Ordinal));
        srv.Requests.Select(r => r.Path).ShouldBe(["/added", "/path"], "Reset also empties the journal; these came after it");
    }

    [Fact]
    public void Bad_mapping_file_fails_the_start_with_the_file_and_json_path()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("mappings/a.json", """{ "request": { "url": "/a" }, "response": { "status": 200, "proxyBaseUrl": "ftp://example.invalid" } }""");

        var error = Should.Throw<WireMockMappingException>(() => HttpFixtureServer.Start(o => o.LoadWireMockMappings(dir.Path)));

        error.File.ShouldBe(file);
        error.JsonPath.ShouldBe("$.response.proxyBaseUrl");
        error.Message.ShouldContain("'ftp://example.invalid' is not an absolute http:// or https:// address");
    }

    [Fact]
    public async Task A_proxyBaseUrl_mapping_forwards_the_request_and_passes_the_answer_back_as_sent()
    {
        await using var upstream = HttpFixtureServer.Start();
        upstream.Stub(HttpMethod.Post, "/api/orders").Respond(StubResponse.Json(new { id = 7 }).WithStatus(201).WithHeader("X-Upstream", "yes"));
        using var dir = new TempDirectory();
        dir.Write("mappings/proxy.json", $$"""
            { "request": { "urlPathPattern": "/shop/.*" },
              "response": { "proxyBaseUrl": "{{upstream.BaseAddress.ToString().TrimEnd('/')}}", "proxyUrlPrefixToRemove": "/shop",
                            "additionalProxyRequestHeaders": { "X-Via": "fakehttp" } } }
            """);
        await using var srv = HttpFixtureServer.Start(o => o.LoadWireMockMappings(dir.Path));
        var client = srv.CreateClient();

        using var answer = await client.PostAsync("/shop/api/orders?dry=1", new StringContent("""{"item":"book"}""", Encoding.UTF8, "application/json"), Token);
        var forwarded = await upstream.WaitForRequestAsync(HttpMethod.Post, "/api/orders", cancellationToken: Token);

        answer.StatusCode.ShouldBe(HttpStatusCode.Created);
        answer.Headers.GetValues("X-Upstream").ShouldBe(["yes"]);
        (await answer.Content.ReadAsStringAsync(Token)).ShouldBe("""{"id":7}""");
        forwarded.QueryString.ShouldBe("?dry=1");
        forwarded.BodyText.ShouldBe("""{"item":"book"}""");
        forwarded.Header("X-Via").ShouldBe("fakehttp");
        forwarded.Header("Content-Type").ShouldBe("application/json; charset=utf-8");
        (await srv.WaitForCompletionAsync(srv.Requests.ShouldHaveSingleItem(), cancellationToken: Token)).AnsweringStage.ShouldBe("wiremock");
    }

    [Fact]
    public void Admin_api_on_every_address_without_a_token_fails_the_start()
    {
        var error = Should.Throw<InvalidOperationException>(() => HttpFixtureServer.Start(o =>
        {
            o.BindAddress = IPAddress.Any;
            o.EnableAdminApi();
        }));

        error.Message.ShouldContain("give it a bearer token");
    }

    [Fact]
    public async Task Unmatched_POST_answers_404_as_in_WireMock()
    {
        await using var srv = HttpFixtureServer.Start(o => o.LoadWireMockMappings(MappingSets.Reference));
        var client = srv.CreateClient();

        using var response = await client.PostAsync("/not-stubbed", new StringContent("x"), Token);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
