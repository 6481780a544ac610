using System.Text.Json;

namespace FakeHttpFixture;

/// <summary>System.Text.Json's web defaults (camelCase names, case-insensitive reads), the one set of options the fixture reads and writes bodies with.</summary>
internal static class WebJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
