using FakeHttpFixture;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace HostRoutingSample.Tests;

/// <summary>The app as it is, with every HttpClient it makes through IHttpClientFactory routed to the fakes by host.</summary>
public sealed class SponsorAppFactory(params HttpFixtureServer[] fakes) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.RouteHttpClientsTo(fakes));
}
