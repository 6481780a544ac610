namespace FakeHttpFixture.XunitV3.Tests;

public sealed class CatalogSite : HttpFixture
{
    protected override FileTree ServedFiles => new() { ["catalog.json"] = """{ "items": 3 }""" };
}
