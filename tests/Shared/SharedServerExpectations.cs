namespace FakeHttpFixture.AdapterTests;

/// <summary>
/// What the tests that share one server can count on, whatever framework shares it. The adapter tests declare the servers
/// (in the code the docs show): one shared by the tests of a class serves catalog.json (<c>{ "items": 3 }</c>); one shared
/// by the classes of a collection, namespace or assembly serves accounts/42.json (<c>{ "id": 42 }</c>) with
/// <see cref="AccountsStatusCode"/> as the default status.
/// </summary>
public static class SharedServerExpectations
{
    /// <summary>The default status the server shared by several classes is configured with.</summary>
    public const int AccountsStatusCode = 201;

    private const string NewAccount = """{ "name": "Ada" }""";

    /// <summary>The test was given the shared catalog server, reset: its journal holds this test's request only.</summary>
    public static async Task IsResetBeforeEachTestAsync(HttpFixtureServer server, HttpFixtureServer shared, string testCase)
    {
        server.ShouldBeSameAs(shared);
        using var client = server.CreateClient();

        (await client.GetStringAsync($"catalog.json?run={testCase}")).ShouldContain("\"items\": 3");

        // Without the reset the journal would still hold the requests of the cases that ran before this one.
        server.Requests.ShouldHaveSingleItem().QueryString.ShouldBe($"?run={testCase}");
    }

    /// <summary>The test was given the shared accounts server, which serves its files to this class too.</summary>
    public static async Task ServesItsFilesToEveryClassAsync(HttpFixtureServer server, HttpFixtureServer shared)
    {
        server.ShouldBeSameAs(shared);
        using var client = server.CreateClient();

        (await client.GetStringAsync("accounts/42.json")).ShouldContain("42");

        server.Requests.ShouldHaveSingleItem().Method.ShouldBe("GET");
    }

    /// <summary>The shared accounts server keeps the options it started with, and this test starts with an empty journal.</summary>
    public static async Task KeepsItsOptionsAndStartsEachTestWithAnEmptyJournalAsync(HttpFixtureServer server, HttpFixtureServer shared)
    {
        server.ShouldBeSameAs(shared);
        using var client = server.CreateClient();

        using var response = await client.PostAsync("accounts", new StringContent(NewAccount));

        ((int)response.StatusCode).ShouldBe(AccountsStatusCode);
        server.Requests.ShouldHaveSingleItem().BodyText.ShouldBe(NewAccount);
    }
}
