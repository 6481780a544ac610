namespace FakeHttpFixture.Tests.Files;

/// <summary>One request for Python's http.client: the target is sent exactly as written.</summary>
internal sealed record PyRequest(string Method, string Target, Dictionary<string, string>? Headers = null, byte[]? Body = null);
