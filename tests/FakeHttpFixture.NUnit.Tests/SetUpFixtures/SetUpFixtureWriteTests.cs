using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.NUnit.Tests.SetUpFixtures;

public sealed class SetUpFixtureWriteTests : HttpFixtureTest
{
    protected override HttpFixtureServer SharedServer => AccountsSite.Server;

    [Test]
    public async Task SetUpFixture_server_keeps_its_options_and_starts_each_test_with_an_empty_journal()
    {
        await SharedServerExpectations.KeepsItsOptionsAndStartsEachTestWithAnEmptyJournalAsync(Server, AccountsSite.Server);
    }
}
