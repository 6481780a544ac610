using FakeHttpFixture;
using Xunit;

namespace XunitV3Failing;

public sealed class FailingTests : HttpFixtureTest
{
    protected override FileTree ServedFiles => new() { ["hello.txt"] = "hello" };

    [Fact]
    public async Task Fails_after_two_requests()
    {
        using var client = Server.CreateClient();
        using var missing = await client.GetAsync("missing.txt");
        var greeting = await client.GetStringAsync("hello.txt");

        Assert.True(greeting == "bonjour", "The greeting was not what the test expected.");
    }

    [Fact]
    public async Task Passes_after_one_request()
    {
        using var client = Server.CreateClient();

        Assert.Equal("hello", await client.GetStringAsync("hello.txt"));
    }
}

public sealed class StrictTests : HttpFixtureTest
{
    protected override void Configure(HttpFixtureOptions options) => options.Strict = true;

    [Fact]
    public async Task Leaves_a_request_unanswered_in_strict_mode()
    {
        Server.Stub(HttpMethod.Get, "/unanswered").WithHeader("X-Tenant", "acme").Respond(200);
        using var client = Server.CreateClient();
        using var response = await client.GetAsync("unanswered");
    }
}
