namespace FakeHttpFixture.WireMock.Tests.Support;

/// <summary>The WireMock root directories under Mappings/, copied beside the tests.</summary>
internal static class MappingSets
{
    /// <summary>Gets the reference set: the matchers, responses, templates and a scenario, each mapping with a fixed id.</summary>
    public static string Reference => Path.Combine(AppContext.BaseDirectory, "Mappings", "reference");
}
