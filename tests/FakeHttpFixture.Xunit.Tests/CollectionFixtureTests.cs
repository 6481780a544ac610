namespace FakeHttpFixture.Xunit.Tests;

public sealed class AccountsSite : HttpFixture
{
    protected override FileTree ServedFiles => new() { ["accounts/42.json"] = """{ "id": 42 }""" };

    protected override void Configure(HttpFixtureOptions options) => options.FallbackStatusCode = 201;
}

[CollectionDefinition(Name)]
public sealed class AccountsSiteCollection : ICollectionFixture<AccountsSite>
{
    public const string Name = "Accounts site";
}

[Collection(AccountsSiteCollection.Name)]
public sealed class CollectionFixtureReadTests(AccountsSite site, ITestOutputHelper output) : HttpFixtureTest(site, output)
{
    [Fact]
    public async Task Collection_fixture_serves_its_files_to_every_class_of_the_collection()
    {
        Server.ShouldBeSameAs(site.Server);
        using var client = Server.CreateClient();

        (await client.GetStringAsync("accounts/42.json")).ShouldContain("42");

        Server.Requests.ShouldHaveSingleItem().Method.ShouldBe("GET");
    }
}

[Collection(AccountsSiteCollection.Name)]
public sealed class CollectionFixtureWriteTests(AccountsSite site, ITestOutputHelper output) : HttpFixtureTest(site, output)
{
    [Fact]
    public async Task Collection_fixture_keeps_its_options_and_starts_each_test_with_an_empty_journal()
    {
        Server.ShouldBeSameAs(site.Server);
        using var client = Server.CreateClient();

        using var response = await client.PostAsync("accounts", new StringContent("""{ "name": "Ada" }"""));

        ((int)response.StatusCode).ShouldBe(201);
        Server.Requests.ShouldHaveSingleItem().BodyText.ShouldBe("""{ "name": "Ada" }""");
    }
}
