using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.NUnit.Tests.SetUpFixtures;

public sealed class SetUpFixtureReadTests : HttpFixtureTest
{
    protected override HttpFixtureServer SharedServer => AccountsSite.Server;

    [Test]
    public async Task SetUpFixture_server_serves_every_fixture_of_the_namespace()
    {
        await SharedServerExpectations.ServesItsFilesToEveryClassAsync(Server, AccountsSite.Server);
    }
}
