namespace FakeHttpFixture;

/// <summary>The answer an operation gets from the document, made once: status, content type, headers and body bytes.</summary>
/// <param name="Status">The first documented 2xx status (200 for "2XX").</param>
/// <param name="ContentType">The body's media type, or null for a response without a body.</param>
/// <param name="Headers">Required headers the response documents, with sample values.</param>
/// <param name="Body">The body: the example, or a value generated from the schema.</param>
internal sealed record PreparedAnswer(int Status, string? ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body);
