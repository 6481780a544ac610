using FakeHttpFixture;
using NUnit.Framework;

namespace NUnitFailing;

public sealed class FailingTests : HttpFixtureTest
{
    protected override FileTree ServedFiles => new() { ["hello.txt"] = "hello" };

    [Test]
    public async Task Fails_after_two_requests()
    {
        using var client = Server.CreateClient();
        using var missing = await client.GetAsync("missing.txt");
        var greeting = await client.GetStringAsync("hello.txt");

        Assert.That(greeting, Is.EqualTo("bonjour"), "The greeting was not what the test expected.");
    }

    [Test]
    public async Task Passes_after_one_request()
    {
        using var client = Server.CreateClient();

        Assert.That(await client.GetStringAsync("hello.txt"), Is.EqualTo("hello"));
    }
}

public sealed class StrictTests : HttpFixtureTest
{
    protected override void Configure(HttpFixtureOptions options) => options.Strict = true;

    [Test]
    public async Task Leaves_a_request_unanswered_in_strict_mode()
    {
        Server.Stub(HttpMethod.Get, "/unanswered").WithHeader("X-Tenant", "acme").Respond(200);
        using var client = Server.CreateClient();
        using var response = await client.GetAsync("unanswered");
    }
}
