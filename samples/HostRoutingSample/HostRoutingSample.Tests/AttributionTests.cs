using System.Net;
using System.Net.Http.Json;
using FakeHttpFixture;

namespace HostRoutingSample.Tests;

// The calls an app under WebApplicationFactory makes for a test carry that test (docs/attribution.md), so that a fake shared by
// many tests shows each test its own. The adapters begin and enter the scope for each test; here the test does it itself.
public sealed class AttributionTests
{
    [Fact]
    public async Task Calls_the_app_makes_for_a_test_are_attributed_to_the_test()
    {
        await using var github = HttpFixtureServer.Start(o => o.ForHosts("api.github.com"));
        await using var stripe = HttpFixtureServer.Start(o => o.ForHosts("api.stripe.com"));
        github.Stub(HttpMethod.Get, "https://api.github.com/repos/{owner}/{repo}")
            .Respond(StubResponse.Json(new { full_name = "octo/fixture", stargazers_count = 42 }));
        stripe.Stub(HttpMethod.Post, "https://api.stripe.com/v1/payment_intents")
            .Respond(StubResponse.Json(new { id = "pi_123", status = "requires_payment_method" }));
        using var scope = TestScope.Begin($"sponsor/{Guid.NewGuid():N}", "Sponsoring test");
        scope.Enter();
        await using var app = new SponsorAppFactory(github, stripe);
        app.Server.PreserveExecutionContext = true;
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/sponsorships", new { repository = "octo/fixture", amountCents = 500 }, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        github.Requests.ShouldHaveSingleItem().TestId.ShouldBe(scope.Id);
        stripe.Requests.ShouldHaveSingleItem().TestName.ShouldBe("Sponsoring test");
    }
}
