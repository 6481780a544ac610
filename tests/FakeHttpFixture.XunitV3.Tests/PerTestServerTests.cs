namespace FakeHttpFixture.XunitV3.Tests;

public sealed class PerTestServerTests : HttpFixtureTest
{
    protected override FileTree ServedFiles => new() { ["greeting.txt"] = "hello from a per-test server" };

    protected override void Configure(HttpFixtureOptions options) => options.FallbackStatusCode = 202;

    [Fact]
    public async Task Each_test_gets_a_server_serving_the_declared_files()
    {
        using var client = Server.CreateClient();

        (await client.GetStringAsync("greeting.txt")).ShouldBe("hello from a per-test server");

        Server.Requests.ShouldHaveSingleItem().Path.ShouldBe("/greeting.txt");
    }

    [Fact]
    public async Task Configure_applies_to_the_per_test_server()
    {
        using var client = Server.CreateClient();

        using var response = await client.PostAsync("orders", new StringContent("{}"));

        ((int)response.StatusCode).ShouldBe(202);
    }
}
