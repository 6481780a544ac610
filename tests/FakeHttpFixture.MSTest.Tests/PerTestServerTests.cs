namespace FakeHttpFixture.MSTest.Tests;

[TestClass]
public sealed class PerTestServerTests : HttpFixtureTest
{
    private static readonly List<int> Ports = [];

    protected override FileTree ServedFiles => new() { ["greeting.txt"] = "hello from a per-test server" };

    protected override void Configure(HttpFixtureOptions options) => options.FallbackStatusCode = 202;

    [TestMethod]
    public async Task Each_test_gets_a_server_serving_the_declared_files()
    {
        using var client = Server.CreateClient();

        (await client.GetStringAsync("greeting.txt")).ShouldBe("hello from a per-test server");

        Server.Requests.ShouldHaveSingleItem().Path.ShouldBe("/greeting.txt");
    }

    [TestMethod]
    public async Task Configure_applies_to_the_per_test_server()
    {
        using var client = Server.CreateClient();

        using var response = await client.PostAsync("orders", new StringContent("{}"));

        ((int)response.StatusCode).ShouldBe(202);
    }

    [TestMethod]
    [DataRow("first")]
    [DataRow("second")]
    public void Each_test_case_gets_a_server_of_its_own(string run)
    {
        lock (Ports)
        {
            Ports.ShouldNotContain(Server.Port, $"the server of test case {run} was not a new one");
            Ports.Add(Server.Port);
        }
    }
}
