using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.Xunit.Tests;

[Collection(AccountsSiteCollection.Name)]
public sealed class CollectionFixtureReadTests(AccountsSite site, ITestOutputHelper output) : HttpFixtureTest(site, output)
{
    [Fact]
    public async Task Collection_fixture_serves_its_files_to_every_class_of_the_collection()
    {
        await SharedServerExpectations.ServesItsFilesToEveryClassAsync(Server, site.Server);
    }
}
