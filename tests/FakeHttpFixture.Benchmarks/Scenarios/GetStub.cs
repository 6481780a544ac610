using System.Text.Json;
using BenchmarkDotNet.Attributes;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>
/// Sequential GETs of a stubbed API call: a route template answering about 200 bytes of JSON, added after 20 other stubs
/// (so the match runs through the list), the way a test fakes a service. WireMock gets the same 21 mappings (a wildcard path
/// for the template); raw Kestrel answers the same bytes for the same path.
/// </summary>
[BenchmarkCategory(nameof(GetStub))]
public class GetStub : RunningPeers
{
    private static readonly string ItemPath = Payload.ItemPath.TrimStart('/');

    [Benchmark(Baseline = true)]
    public async Task<int> Kestrel() => (await KestrelClient.GetByteArrayAsync(ItemPath)).Length;

    [Benchmark]
    public async Task<int> Fixture()
    {
        TrimFixtureJournal();
        return (await FixtureClient.GetByteArrayAsync(ItemPath)).Length;
    }

    [Benchmark]
    public async Task<int> WireMock()
    {
        TrimWireMockLog();
        return (await WireMockClient.GetByteArrayAsync(ItemPath)).Length;
    }

    protected override void AddStubs()
    {
        // Stubs match last-added first, and WireMock picks the best of all its mappings: either way the other 20 are looked at.
        using var item = JsonDocument.Parse(Payload.Item);
        FixtureServer.Stub(HttpMethod.Get, Payload.ItemTemplate).Respond(StubResponse.Json(item.RootElement.Clone()));
        WireMockServer.Given(Request.Create().WithPath(new WildcardMatcher("/api/items/*")).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(Payload.Item));
        for (var i = 0; i < Payload.OtherStubs; i++)
        {
            FixtureServer.Stub(HttpMethod.Get, $"/api/other{i}/{{id}}").Respond(StubResponse.Status(204));
            WireMockServer.Given(Request.Create().WithPath(new WildcardMatcher($"/api/other{i}/*")).UsingGet())
                .RespondWith(Response.Create().WithStatusCode(204));
        }
    }
}
