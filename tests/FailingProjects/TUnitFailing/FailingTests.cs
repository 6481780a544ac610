using FakeHttpFixture;

namespace TUnitFailing;

// Each class has a server of its own (PerClass), so the journal these tests show numbers their requests from #1.
[ClassDataSource<SiteFixture>(Shared = SharedType.PerClass)]
public sealed class FailingTests(SiteFixture fixture)
{
    [Test]
    public async Task Fails_after_two_requests()
    {
        using var client = fixture.Server.CreateClient();
        using var missing = await client.GetAsync("missing.txt");
        var greeting = await client.GetStringAsync("hello.txt");

        if (greeting != "bonjour")
        {
            throw new InvalidOperationException("The greeting was not what the test expected.");
        }
    }
}

[ClassDataSource<SiteFixture>(Shared = SharedType.PerClass)]
public sealed class PassingTests(SiteFixture fixture)
{
    [Test]
    public async Task Passes_after_one_request()
    {
        using var client = fixture.Server.CreateClient();

        await Assert.That(await client.GetStringAsync("hello.txt")).IsEqualTo("hello");
    }
}

[ClassDataSource<StrictFixture>(Shared = SharedType.PerClass)]
public sealed class StrictTests(StrictFixture fixture)
{
    [Test]
    public async Task Leaves_a_request_unanswered_in_strict_mode()
    {
        fixture.Server.Stub(HttpMethod.Get, "/unanswered").WithHeader("X-Tenant", "acme").Respond(200);
        using var client = fixture.Server.CreateClient();
        using var response = await client.GetAsync("unanswered");
    }
}
