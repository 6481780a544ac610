using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.MSTest.Tests.AssemblyInitialize;

[TestClass]
[DoNotParallelize]
public sealed class AssemblyServerWriteTests : HttpFixtureTest
{
    protected override HttpFixtureServer SharedServer => AccountsSite.Server;

    [TestMethod]
    public async Task Assembly_server_keeps_its_options_and_starts_each_test_with_an_empty_journal()
    {
        await SharedServerExpectations.KeepsItsOptionsAndStartsEachTestWithAnEmptyJournalAsync(Server, AccountsSite.Server);
    }
}
