using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.MSTest.Tests.AssemblyInitialize;

[TestClass]
[DoNotParallelize]
public sealed class AssemblyServerReadTests : HttpFixtureTest
{
    protected override HttpFixtureServer SharedServer => AccountsSite.Server;

    [TestMethod]
    public async Task Assembly_server_serves_every_class()
    {
        await SharedServerExpectations.ServesItsFilesToEveryClassAsync(Server, AccountsSite.Server);
    }
}
