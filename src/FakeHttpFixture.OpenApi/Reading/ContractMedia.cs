using System.Text.Json;

namespace FakeHttpFixture;

/// <summary>One documented media type of a request or response body: its schema's place and its example.</summary>
/// <param name="MediaType">The media type as documented, such as "application/json" or "application/*".</param>
/// <param name="SchemaPointer">The JSON pointer of its schema in the document, or null.</param>
/// <param name="Example">The media type's <c>example</c>, or the value of the first of its <c>examples</c>, or null.</param>
internal sealed record ContractMedia(string MediaType, string? SchemaPointer, JsonElement? Example)
{
    /// <summary>Gets a value indicating whether bodies of this type are JSON, and so checked by the schema.</summary>
    public bool IsJson => MediaTypes.IsJson(MediaType);
}
