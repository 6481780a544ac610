using System.Net;
using System.Net.Http.Json;
using FakeHttpFixture;

namespace HostRoutingSample.Tests;

public sealed class SponsorshipTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sponsoring_a_repository_reads_it_from_GitHub_and_charges_it_through_Stripe()
    {
        await using var github = HttpFixtureServer.Start(o => o.ForHosts("api.github.com"));
        await using var stripe = HttpFixtureServer.Start(o => o.ForHosts("api.stripe.com"));
        github.Stub(HttpMethod.Get, "https://api.github.com/repos/{owner}/{repo}")
            .Respond(StubResponse.Json(new { full_name = "octo/fixture", stargazers_count = 42 }));
        stripe.Stub(HttpMethod.Post, "https://api.stripe.com/v1/payment_intents")
            .Respond(StubResponse.Json(new { id = "pi_123", status = "requires_payment_method" }));
        await using var app = new SponsorAppFactory(github, stripe);
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/sponsorships", new { repository = "octo/fixture", amountCents = 500 }, Token);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var repository = github.Requests.ShouldHaveSingleItem();
        repository.Url.ShouldBe(new Uri("https://api.github.com/repos/octo/fixture"));
        repository.Header("User-Agent").ShouldBe("sponsor-app");
        var payment = stripe.Requests.ShouldHaveSingleItem();
        payment.Url.ShouldBe(new Uri("https://api.stripe.com/v1/payment_intents"));
        payment.Header("Authorization").ShouldBe("Bearer sk_test_sample");
        payment.Form["amount"].ShouldBe(["500"]);
        payment.Form["description"].ShouldBe(["Sponsorship of octo/fixture"]);
    }

    [Fact]
    public async Task A_repository_GitHub_does_not_know_is_not_charged()
    {
        await using var github = HttpFixtureServer.Start(o => o.ForHosts("api.github.com"));
        await using var stripe = HttpFixtureServer.Start(o => o.ForHosts("api.stripe.com"));
        github.Stub(HttpMethod.Get, "https://api.github.com/repos/{owner}/{repo}").Respond(404);
        await using var app = new SponsorAppFactory(github, stripe);
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/sponsorships", new { repository = "octo/missing", amountCents = 500 }, Token);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        github.Requests.ShouldHaveSingleItem().Path.ShouldBe("/repos/octo/missing");
        stripe.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_service_the_test_did_not_fake_is_refused_not_called()
    {
        await using var github = HttpFixtureServer.Start(o => o.ForHosts("api.github.com"));
        await using var stripe = HttpFixtureServer.Start(o => o.ForHosts("api.stripe.com"));
        await using var app = new SponsorAppFactory(github, stripe);
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/status", Token);

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        var problem = await response.Content.ReadAsStringAsync(Token);
        problem.ShouldContain("FakeHttpFixture sent nothing to www.githubstatus.com:443");
        problem.ShouldContain("routes only api.github.com, api.stripe.com");
        github.Requests.ShouldBeEmpty();
        stripe.Requests.ShouldBeEmpty();
    }
}
