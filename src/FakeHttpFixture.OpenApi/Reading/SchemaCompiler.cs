using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace FakeHttpFixture;

/// <summary>
/// Builds the document's schemas for JsonSchema.Net once each: the whole document is registered as a base document, and each schema is
/// a reference into it, so that its own "#/components/…" references resolve as the document means them.
/// </summary>
internal sealed class SchemaCompiler
{
    private static int _documents;

    private readonly Uri _documentUri;
    private readonly BuildOptions _build;
    private readonly ConcurrentDictionary<(string Pointer, bool Closed), Lazy<SchemaCheck>> _checks = new();
    private int _schemas;

    public SchemaCompiler(JsonElement root)
    {
        var number = Interlocked.Increment(ref _documents).ToString(CultureInfo.InvariantCulture);
        _documentUri = new Uri($"https://fakehttp.invalid/openapi/{number}/document.json");
        var registry = new SchemaRegistry();
        registry.Register(_documentUri, new JsonElementBaseDocument(root, _documentUri));

        // OpenAPI 3.1 schemas are JSON Schema 2020-12 and may carry OpenAPI's own keywords (example, discriminator, xml).
        _build = new BuildOptions { SchemaRegistry = registry, Dialect = Dialect.Draft202012 };
    }

    /// <summary>Returns the check for the schema at <paramref name="pointer"/>; with <paramref name="closed"/>, the body's top level allows no undocumented property.</summary>
    public SchemaCheck For(string pointer, bool closed = false) =>
        _checks.GetOrAdd((pointer, closed), key => new Lazy<SchemaCheck>(() => Build(key.Pointer, key.Closed))).Value;

    private SchemaCheck Build(string pointer, bool closed)
    {
        var reference = new JsonObject { ["$ref"] = _documentUri + "#" + pointer };
        if (closed)
        {
            reference["unevaluatedProperties"] = false;
        }

        var number = Interlocked.Increment(ref _schemas).ToString(CultureInfo.InvariantCulture);
        var element = JsonDocument.Parse(reference.ToJsonString()).RootElement;
        return new SchemaCheck(JsonSchema.Build(element, _build, new Uri(_documentUri, $"checks/{number}.json")));
    }
}
