namespace FakeHttpFixture.Xunit.Tests;

public sealed class CatalogSite : HttpFixture
{
    protected override FileTree ServedFiles => new() { ["catalog.json"] = """{ "items": 3 }""" };
}
