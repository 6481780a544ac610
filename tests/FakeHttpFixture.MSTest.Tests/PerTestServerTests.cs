using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.MSTest.Tests;

[TestClass]
public sealed class PerTestServerTests : HttpFixtureTest
{
    private static readonly ServerPorts Ports = new();

    protected override FileTree ServedFiles => new() { ["greeting.txt"] = "hello from a per-test server" };

    protected override void Configure(HttpFixtureOptions options) => options.FallbackStatusCode = 202;

    [TestMethod]
    public async Task Each_test_gets_a_server_serving_the_declared_files()
    {
        await PerTestServerExpectations.ServesTheDeclaredFilesAsync(Server);
    }

    [TestMethod]
    public async Task Configure_applies_to_the_per_test_server()
    {
        await PerTestServerExpectations.AppliesConfigureAsync(Server);
    }

    [TestMethod]
    [DataRow("first")]
    [DataRow("second")]
    public void Each_test_case_gets_a_server_of_its_own(string run) => Ports.ShouldBeNew(Server, run);
}
