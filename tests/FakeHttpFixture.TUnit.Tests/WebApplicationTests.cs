using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FakeHttpFixture.TUnit.Tests;

// An app under test in memory (TestServer, what WebApplicationFactory runs on) whose outgoing client is routed to the fixture: the
// app's call carries the test's traceparent and baggage, which ASP.NET Core took from the test's request.
[ClassDataSource<HttpFixture>(Shared = SharedType.Keyed, Key = "app")]
public sealed class WebApplicationTests(HttpFixture fixture)
{
    [Test]
    public async Task Request_made_by_an_app_under_test_server_is_the_tests()
    {
        var server = fixture.Server;
        server.Stub(HttpMethod.Get, "/forecast").Respond(StubResponse.Text("snow"));
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer(o => o.PreserveExecutionContext = true);
        builder.Services.AddHttpClient("weather", c => c.BaseAddress = server.BaseAddress)
            .ConfigurePrimaryHttpMessageHandler(() => server.CreateHandler());
        await using var app = builder.Build();
        app.MapGet("/weather", async (IHttpClientFactory clients) => await clients.CreateClient("weather").GetStringAsync("forecast"));
        await app.StartAsync();
        using var client = app.GetTestClient();

        (await client.GetStringAsync("weather")).ShouldBe("snow");

        var call = server.ShouldHaveReceived(HttpMethod.Get, "/forecast");
        call.TestId.ShouldBe(TestContext.Current!.Id);
    }
}
