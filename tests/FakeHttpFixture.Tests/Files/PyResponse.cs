using System.Text;

namespace FakeHttpFixture.Tests.Files;

/// <summary>What http.client received: status, headers by lower-case name, and the body.</summary>
internal sealed record PyResponse(int Status, Dictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name.ToLowerInvariant());

    public string Text => Encoding.UTF8.GetString(Body);
}
