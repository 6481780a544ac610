using System.Text.Json;

namespace FakeHttpFixture;

/// <summary>A documented parameter (path, query, header or cookie) or response header, with where its schema lies.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="In">"path", "query", "header", "cookie", or "header" for a response header.</param>
/// <param name="Required">Whether it must be present.</param>
/// <param name="SchemaPointer">The JSON pointer of its schema in the document, or null when it has none.</param>
/// <param name="Schema">Its schema with references followed, to read the type from, or null.</param>
/// <param name="Explode">Whether an array is sent as repeated names (form style, the default for query) rather than comma-separated.</param>
internal sealed record ContractParameter(string Name, string In, bool Required, string? SchemaPointer, JsonElement? Schema, bool Explode);
