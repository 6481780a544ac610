using System.Text;
using BenchmarkDotNet.Attributes;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>
/// The GetStub scenario again, with one more peer: a fixture answering the same GET from WireMock mapping files
/// (LoadWireMockMappings): the item as a urlPathTemplate mapping with the same JSON body, after 20 other mappings. Mapped ÷
/// Fixture is a WireMock mapping against the code stub it mirrors, measured in the same rounds.
/// </summary>
[BenchmarkCategory(nameof(GetMapped))]
public class GetMapped : GetStub
{
    private static readonly string ItemPath = Payload.ItemPath.TrimStart('/');
    private string? _root;
    private HttpFixtureServer _mapped = null!;
    private HttpClient _mappedClient = null!;
    private int _mappedCount;

    /// <summary>Gets the peers the paired runner interleaves here.</summary>
    public static string[] PairedPeers => ["Kestrel", "Fixture", "Mapped", "WireMock"];

    [Benchmark]
    public async Task<int> Mapped()
    {
        if (++_mappedCount % 1024 == 0)
        {
            _mapped.ClearRequests();
        }

        return (await _mappedClient.GetByteArrayAsync(ItemPath)).Length;
    }

    protected override void AddStubs()
    {
        base.AddStubs();
        _root = Directory.CreateTempSubdirectory("fakehttp-bench-wiremock-").FullName;
        var mappings = Directory.CreateDirectory(Path.Combine(_root, "mappings")).FullName;
        for (var i = 0; i < Payload.OtherStubs; i++)
        {
            File.WriteAllText(Path.Combine(mappings, $"other{i}.json"), $$"""{ "request": { "method": "GET", "urlPathTemplate": "/api/other{{i}}/{id}" }, "response": { "status": 204 } }""");
        }

        // Added last, as the code stub is, so equal priorities try it first (newest wins).
        File.WriteAllText(Path.Combine(mappings, "zz-item.json"), $$"""
            { "request": { "method": "GET", "urlPathTemplate": "{{Payload.ItemTemplate}}" },
              "response": { "status": 200, "headers": { "Content-Type": "application/json; charset=utf-8" }, "body": {{System.Text.Json.JsonSerializer.Serialize(Encoding.UTF8.GetString(Payload.Item))}} } }
            """);
        _mapped = HttpFixtureServer.Start(o => o.LoadWireMockMappings(_root));
        _mappedClient = Clients.For(_mapped.BaseAddress);
    }

    protected override async Task StopScenarioAsync()
    {
        _mappedClient.Dispose();
        await _mapped.DisposeAsync();
        Directory.Delete(_root!, recursive: true);
    }
}
