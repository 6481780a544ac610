namespace FakeHttpFixture.MSTest.Tests.AssemblyInitialize;

[TestClass]
[DoNotParallelize]
public sealed class AssemblyServerReadTests : HttpFixtureTest
{
    protected override HttpFixtureServer SharedServer => AccountsSite.Server;

    [TestMethod]
    public async Task Assembly_server_serves_every_class()
    {
        Server.ShouldBeSameAs(AccountsSite.Server);
        using var client = Server.CreateClient();

        (await client.GetStringAsync("accounts/42.json")).ShouldContain("42");

        Server.Requests.ShouldHaveSingleItem().Method.ShouldBe("GET");
    }
}

[TestClass]
[DoNotParallelize]
public sealed class AssemblyServerWriteTests : HttpFixtureTest
{
    protected override HttpFixtureServer SharedServer => AccountsSite.Server;

    [TestMethod]
    public async Task Assembly_server_keeps_its_options_and_starts_each_test_with_an_empty_journal()
    {
        Server.ShouldBeSameAs(AccountsSite.Server);
        using var client = Server.CreateClient();

        using var response = await client.PostAsync("accounts", new StringContent("""{ "name": "Ada" }"""));

        ((int)response.StatusCode).ShouldBe(201);
        Server.Requests.ShouldHaveSingleItem().BodyText.ShouldBe("""{ "name": "Ada" }""");
    }
}
