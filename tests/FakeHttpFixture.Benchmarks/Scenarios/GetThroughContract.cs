using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>
/// Sequential GETs of the stubbed API call of <see cref="GetStub"/> (about 200 bytes of JSON from a route template) on three fixtures:
/// Plain, Recorded (response bodies kept, as validation needs) and Validated (<c>ValidateAgainstOpenApi</c>: the path parameter and
/// the response's status, content type and body checked against a document by their schemas, after every exchange). The cost of a
/// contract check per request, paired against the same GET without it.
/// </summary>
[BenchmarkCategory(nameof(GetThroughContract))]
public class GetThroughContract
{
    private const string Contract = """
        openapi: 3.0.3
        info: {title: Items, version: "1"}
        paths:
          /api/items/{id}:
            get:
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer, minimum: 1}}
              responses:
                "200":
                  description: An item.
                  content:
                    application/json:
                      schema: {$ref: "#/components/schemas/Item"}
        components:
          schemas:
            Item:
              type: object
              required: [id, name, price, tags, stock, updated]
              properties:
                id: {type: integer}
                name: {type: string, minLength: 1}
                price: {type: number, minimum: 0}
                tags: {type: array, items: {type: string}}
                stock:
                  type: object
                  required: [warehouse, count]
                  properties:
                    warehouse: {type: string, enum: [north, south]}
                    count: {type: integer, minimum: 0}
                updated: {type: string, format: date-time}
                description: {type: string, nullable: true}
        """;

    private static readonly string ItemPath = Payload.ItemPath.TrimStart('/');
    private readonly Dictionary<HttpFixtureServer, int> _counts = [];
    private string? _directory;
    private HttpFixtureServer _plain = null!;
    private HttpFixtureServer _recorded = null!;
    private HttpFixtureServer _validated = null!;
    private HttpFixtureServer _observed = null!;
    private HttpClient _observedClient = null!;
    private HttpClient _plainClient = null!;
    private HttpClient _recordedClient = null!;
    private HttpClient _validatedClient = null!;

    /// <summary>Gets the peers of the paired runner, baseline first.</summary>
    public static string[] PairedPeers => ["Plain", "Recorded", "Observed", "Validated"];

    [GlobalSetup]
    public async Task StartAsync()
    {
        _directory = Directory.CreateTempSubdirectory("fakehttp-bench-contract-").FullName;
        var contract = Path.Combine(_directory, "items.yaml");
        await File.WriteAllTextAsync(contract, Contract);
        _plain = await StartFixtureAsync(_ => { });
        _recorded = await StartFixtureAsync(o => o.RecordResponseBodies = true);
        _validated = await StartFixtureAsync(o => o.ValidateAgainstOpenApi(contract));
        _observed = await StartFixtureAsync(o => o.RecordResponseBodies = true);
        _observed.AddObserver(new NoObserver());
        _observedClient = _observed.CreateClient();
        _plainClient = _plain.CreateClient();
        _recordedClient = _recorded.CreateClient();
        _validatedClient = _validated.CreateClient();
    }

    [Benchmark(Baseline = true)]
    public Task<int> Plain() => GetAsync(_plain, _plainClient);

    [Benchmark]
    public Task<int> Recorded() => GetAsync(_recorded, _recordedClient);

    [Benchmark]
    public Task<int> Observed() => GetAsync(_observed, _observedClient);

    [Benchmark]
    public Task<int> Validated() => GetAsync(_validated, _validatedClient);

    [GlobalCleanup]
    public async Task StopAsync()
    {
        // A violation would mean the benchmark measured something else than a kept contract.
        _validated.Verify();
        foreach (var client in (HttpClient[])[_plainClient, _recordedClient, _observedClient, _validatedClient])
        {
            client.Dispose();
        }

        foreach (var server in (HttpFixtureServer[])[_plain, _recorded, _observed, _validated])
        {
            await server.DisposeAsync();
        }

        Directory.Delete(_directory!, recursive: true);
    }

    private static async Task<HttpFixtureServer> StartFixtureAsync(Action<HttpFixtureOptions> configure)
    {
        var server = await HttpFixtureServer.StartAsync(configure);
        using var item = JsonDocument.Parse(Payload.Item);
        server.Stub(HttpMethod.Get, Payload.ItemTemplate).Respond(StubResponse.Json(item.RootElement.Clone()));
        return server;
    }

    private async Task<int> GetAsync(HttpFixtureServer server, HttpClient client)
    {
        // The journal is emptied now and then, as in the other scenarios, so a long run measures the request and not a growing heap.
        var count = _counts[server] = _counts.GetValueOrDefault(server) + 1;
        if (count % 1024 == 0)
        {
            server.ClearRequests();
        }

        return (await client.GetByteArrayAsync(ItemPath)).Length;
    }

    // Observes and does nothing: what any observer costs a request, before any check.
    private sealed class NoObserver : IExchangeObserver
    {
        public void OnExchangeCompleted(RecordedRequest request, HttpFixtureServer server)
        {
        }
    }
}
