using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.Xunit.Tests;

[Collection(AccountsSiteCollection.Name)]
public sealed class CollectionFixtureWriteTests(AccountsSite site, ITestOutputHelper output) : HttpFixtureTest(site, output)
{
    [Fact]
    public async Task Collection_fixture_keeps_its_options_and_starts_each_test_with_an_empty_journal()
    {
        await SharedServerExpectations.KeepsItsOptionsAndStartsEachTestWithAnEmptyJournalAsync(Server, site.Server);
    }
}
