using FakeHttpFixture.AdapterTests;

namespace FakeHttpFixture.Xunit.Tests;

public sealed class PerTestServerTests(ITestOutputHelper output) : HttpFixtureTest(output)
{
    private static readonly ServerPorts Ports = new();

    protected override FileTree ServedFiles => new() { ["greeting.txt"] = "hello from a per-test server" };

    protected override void Configure(HttpFixtureOptions options) => options.FallbackStatusCode = 202;

    [Fact]
    public async Task Each_test_gets_a_server_serving_the_declared_files()
    {
        await PerTestServerExpectations.ServesTheDeclaredFilesAsync(Server);
    }

    [Fact]
    public async Task Configure_applies_to_the_per_test_server()
    {
        await PerTestServerExpectations.AppliesConfigureAsync(Server);
    }

    [Theory]
    [InlineData("first")]
    [InlineData("second")]
    public void Each_test_case_gets_a_server_of_its_own(string run) => Ports.ShouldBeNew(Server, run);
}
