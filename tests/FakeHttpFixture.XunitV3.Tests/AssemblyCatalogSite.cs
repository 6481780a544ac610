[assembly: AssemblyFixture(typeof(FakeHttpFixture.XunitV3.Tests.AssemblyCatalogSite))]

namespace FakeHttpFixture.XunitV3.Tests;

// A server shared by the whole assembly is reset before each test, so the tests that use it run one at a time: here, by
// sharing the collection AssemblyCatalogSite.Users.
public sealed class AssemblyCatalogSite : HttpFixture
{
    public const string Users = "Assembly catalog site users";

    protected override FileTree ServedFiles => new() { ["catalog.json"] = """{ "items": 3 }""" };
}
