using System.Text.Json;
using FakeHttpFixture.WireMock.Tests.Support;

namespace FakeHttpFixture.WireMock.Tests.Cli;

/// <summary>The npm package wiremock-rest-client 1.11.0, a real WireMock admin client, drives fakehttp --admin through node.</summary>
public sealed class RestClientTests
{
    // Adds a stub, calls it, counts and finds the call, lists mappings and scenarios, then resets everything: the client's own calls.
    private const string Script = """
        const { WireMockRestClient } = require(process.argv[1]);
        const base = process.argv[2];
        (async () => {
          const wm = new WireMockRestClient(base, { continueOnFailure: true, logLevel: 'silent' });
          const created = await wm.mappings.createMapping({ request: { method: 'GET', urlPath: '/from-node' }, response: { status: 200, jsonBody: { hello: 'node' }, headers: { 'Content-Type': 'application/json' } } });
          const answer = await (await fetch(base + '/from-node?x=1')).json();
          const count = await wm.requests.getCount({ method: 'GET', urlPath: '/from-node' });
          const found = await wm.requests.findRequests({ method: 'GET', urlPath: '/from-node' });
          const fetched = await wm.mappings.getMapping(created.id);
          const all = await wm.mappings.getAllMappings();
          const scenarios = await wm.scenarios.getAllScenarios();
          await wm.global.resetAll();
          const afterReset = await wm.mappings.getAllMappings();
          const requestsAfterReset = await wm.requests.getAllRequests();
          console.log(JSON.stringify({ id: created.id, answer, count: count.count, foundUrl: found.requests[0].url, fetchedUrlPath: fetched.request.urlPath,
            total: all.meta.total, scenarios: scenarios.scenarios.map(s => s.name), afterReset: afterReset.meta.total, requestsAfterReset: requestsAfterReset.meta.total }));
        })().catch(e => { console.error(e); process.exit(1); });
        """;

    [Fact]
    public async Task Wiremock_rest_client_adds_a_stub_counts_finds_lists_and_resets()
    {
        if (ReferenceTools.OnPath("node") is null || ReferenceTools.RestClient is null)
        {
            Assert.Skip(ReferenceTools.OnPath("node") is null ? "node is not on PATH." : ReferenceTools.MissingReason("wiremock-rest-client"));
        }

        await using var fakehttp = await FakehttpProcess.ServeAsync(AppContext.BaseDirectory, "--mappings", MappingSets.Reference, "--admin", "--port", "0", "--quiet");
        var baseUrl = fakehttp.BaseAddress!.ToString().TrimEnd('/');

        var (exit, output, error) = await ExternalProcess.RunAsync("node", "-e", Script, ReferenceTools.RestClient, baseUrl);

        exit.ShouldBe(0, error + output);
        using var result = JsonDocument.Parse(output);
        var root = result.RootElement;
        Guid.TryParse(root.GetProperty("id").GetString(), out _).ShouldBeTrue(output);
        root.GetProperty("answer").GetProperty("hello").GetString().ShouldBe("node");
        root.GetProperty("count").GetInt32().ShouldBe(1);
        root.GetProperty("foundUrl").GetString().ShouldBe("/from-node?x=1");
        root.GetProperty("fetchedUrlPath").GetString().ShouldBe("/from-node");
        var fromFiles = Directory.EnumerateFiles(Path.Combine(MappingSets.Reference, "mappings"), "*.json", SearchOption.AllDirectories)
            .Sum(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("mappings").GetArrayLength());
        root.GetProperty("total").GetInt32().ShouldBe(fromFiles + 1);
        root.GetProperty("scenarios").EnumerateArray().Select(s => s.GetString()).ShouldBe(["cart"]);
        root.GetProperty("afterReset").GetInt32().ShouldBe(fromFiles, "a reset goes back to the mappings from files");
        root.GetProperty("requestsAfterReset").GetInt32().ShouldBe(0);
    }
}
