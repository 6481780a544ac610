namespace FakeHttpFixture.AdapterTests;

/// <summary>
/// What a test that starts a server of its own can count on, whatever framework runs it. Each adapter's PerTestServerTests
/// declares greeting.txt (holding "hello from a per-test server") and sets <see cref="ConfiguredStatusCode"/> as the default
/// status in its Configure override; the declarations stay there, in the code the docs show.
/// </summary>
public static class PerTestServerExpectations
{
    /// <summary>The default status the per-test classes set in Configure.</summary>
    public const int ConfiguredStatusCode = 202;

    private const string Greeting = "hello from a per-test server";

    /// <summary>The test's server serves the files its class declares, and its journal holds only this test's request.</summary>
    public static async Task ServesTheDeclaredFilesAsync(HttpFixtureServer server)
    {
        using var client = server.CreateClient();

        (await client.GetStringAsync("greeting.txt")).ShouldBe(Greeting);

        server.Requests.ShouldHaveSingleItem().Path.ShouldBe("/greeting.txt");
    }

    /// <summary>The options set in the class's Configure override reached the test's server.</summary>
    public static async Task AppliesConfigureAsync(HttpFixtureServer server)
    {
        using var client = server.CreateClient();

        using var response = await client.PostAsync("orders", new StringContent("{}"));

        ((int)response.StatusCode).ShouldBe(ConfiguredStatusCode);
    }
}
