namespace FakeHttpFixture;

/// <summary>One way a value broke its schema.</summary>
/// <param name="Pointer">The JSON pointer of the offending value inside the body ("" for the whole body).</param>
/// <param name="Message">What the schema wants, in the validator's words, with the keyword.</param>
/// <param name="Received">The offending value as JSON, shortened, or null when the whole body is meant.</param>
/// <param name="SchemaLocation">Where the failing schema lies in the document, such as "#/components/schemas/Pet/properties/name".</param>
internal sealed record SchemaFinding(string Pointer, string Message, string? Received, string SchemaLocation);
