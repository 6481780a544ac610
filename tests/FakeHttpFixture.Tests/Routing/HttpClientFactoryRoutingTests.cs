using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FakeHttpFixture.Tests.Routing;

/// <summary>An app on the generic host whose typed, named and default HttpClients call real names, routed to two fixtures by one call.</summary>
public sealed class HttpClientFactoryRoutingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Typed_named_and_default_clients_reach_two_fixtures_by_host()
    {
        await using var github = HttpFixtureServer.Start(o => o.ForHosts("api.github.com"));
        await using var payments = HttpFixtureServer.Start(o => o.ForHosts("api.stripe.com", "*.status.example"));
        github.Stub(HttpMethod.Get, "https://api.github.com/users/{login}").Respond(StubResponse.Json(new { login = "octocat" }));
        payments.Stub(HttpMethod.Post, "https://api.stripe.com/v1/payment_intents").Respond(StubResponse.Json(new { id = "pi_1" }));
        payments.Stub(HttpMethod.Get, "https://eu.status.example/ping").Respond(StubResponse.Text("up"));
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddHttpClient<GitHubUsers>(c => c.BaseAddress = new Uri("https://api.github.com/"));
        builder.Services.AddHttpClient("payments", c => c.BaseAddress = new Uri("https://api.stripe.com/"));
        builder.Services.RouteHttpClientsTo(github, payments);
        using var host = builder.Build();

        var user = await host.Services.GetRequiredService<GitHubUsers>().GetAsync("octocat", Token);
        var factory = host.Services.GetRequiredService<IHttpClientFactory>();
        using var intent = await factory.CreateClient("payments").PostAsync("v1/payment_intents", new FormUrlEncodedContent([new("amount", "500")]), Token);
        var status = await factory.CreateClient().GetStringAsync(new Uri("https://eu.status.example/ping"), Token);

        user.ShouldBe("octocat");
        intent.StatusCode.ShouldBe(HttpStatusCode.OK);
        status.ShouldBe("up");
        github.Requests.ShouldHaveSingleItem().Url.ShouldBe(new Uri("https://api.github.com/users/octocat"));
        payments.Requests.Select(r => r.Url.ToString()).ShouldBe(["https://api.stripe.com/v1/payment_intents", "https://eu.status.example/ping"]);
        payments.Requests[0].Form["amount"].ShouldBe(["500"]);
    }

    [Fact]
    public async Task A_client_of_the_app_for_a_host_nobody_routes_fails_naming_the_routed_hosts()
    {
        await using var github = HttpFixtureServer.Start(o => o.ForHosts("api.github.com"));
        var services = new ServiceCollection();
        services.AddHttpClient("weather", c => c.BaseAddress = new Uri("https://api.weather.example/"));
        services.RouteHttpClientsTo(github);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("weather");
        var refused = await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync("today", Token));

        refused.Message.ShouldContain("api.weather.example:443");
        refused.Message.ShouldContain("routes only api.github.com");
        github.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_apps_own_primary_handler_settings_stay_when_it_is_routed()
    {
        await using var github = HttpFixtureServer.Start(o => o.ForHosts("api.github.com"));
        github.Stub(HttpMethod.Get, "/old").Respond(StubResponse.Status(302).WithHeader("Location", "/new"));
        var services = new ServiceCollection();
        services.AddHttpClient("sockets").UseSocketsHttpHandler((handler, _) => handler.AllowAutoRedirect = false);
        services.AddHttpClient("classic").ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false });
        services.AddHttpClient("default");
        services.RouteHttpClientsTo(github);
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpClientFactory>();

        using var sockets = await factory.CreateClient("sockets").GetAsync(new Uri("https://api.github.com/old"), Token);
        using var classic = await factory.CreateClient("classic").GetAsync(new Uri("https://api.github.com/old"), Token);
        using var followed = await factory.CreateClient("default").GetAsync(new Uri("https://api.github.com/old"), Token);

        sockets.StatusCode.ShouldBe(HttpStatusCode.Found);
        classic.StatusCode.ShouldBe(HttpStatusCode.Found);
        followed.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        github.Requests.Select(r => r.Path).ShouldBe(["/old", "/old", "/old", "/new"]);
    }

    private sealed class GitHubUsers(HttpClient client)
    {
        public async Task<string?> GetAsync(string login, CancellationToken cancellationToken) =>
            (await client.GetFromJsonAsync<User>($"users/{login}", cancellationToken))?.Login;

        private sealed record User(string Login);
    }
}
