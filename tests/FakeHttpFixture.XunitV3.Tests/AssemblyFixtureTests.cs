[assembly: AssemblyFixture(typeof(FakeHttpFixture.XunitV3.Tests.StatusSite))]

namespace FakeHttpFixture.XunitV3.Tests;

public sealed class StatusSite : HttpFixture
{
    protected override FileTree ServedFiles => new() { ["status.json"] = """{ "healthy": true }""" };
}

// A server shared by the whole assembly is reset before each test, so the tests that use it run one at a time: here,
// by sharing a collection.
[Collection("Status site users")]
public sealed class AssemblyFixtureFirstTests(StatusSite site) : HttpFixtureTest(site)
{
    [Fact]
    public async Task Assembly_fixture_server_is_shared_and_reset_before_each_test()
    {
        Server.ShouldBeSameAs(site.Server);
        using var client = Server.CreateClient();

        (await client.GetStringAsync("status.json?from=first")).ShouldContain("healthy");

        Server.Requests.ShouldHaveSingleItem().QueryString.ShouldBe("?from=first");
    }
}

[Collection("Status site users")]
public sealed class AssemblyFixtureSecondTests(StatusSite site) : HttpFixtureTest(site)
{
    [Fact]
    public async Task Assembly_fixture_server_is_the_same_for_another_class()
    {
        Server.ShouldBeSameAs(site.Server);
        using var client = Server.CreateClient();

        (await client.GetStringAsync("status.json?from=second")).ShouldContain("healthy");

        Server.Requests.ShouldHaveSingleItem().QueryString.ShouldBe("?from=second");
    }
}
