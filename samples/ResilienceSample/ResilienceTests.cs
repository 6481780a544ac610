using FakeHttpFixture;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace ResilienceSample;

public sealed class ResilienceTests
{
    [Fact]
    public async Task Standard_resilience_handler_retries_through_503_503_and_succeeds_on_the_third_attempt()
    {
        await using var server = HttpFixtureServer.Start(o => o.Strict = true);
        var orders = server.Stub(HttpMethod.Get, "/orders/{id}")
            .Respond(503, times: 2)
            .Respond(StubResponse.Json(new Order(42, "shipped")))
            .Required();

        await using var services = Services(server, http => http.AddStandardResilienceHandler(o =>
        {
            // Short, fixed delays keep the test fast; the policy itself is the app's.
            o.Retry.Delay = TimeSpan.FromMilliseconds(10);
            o.Retry.BackoffType = DelayBackoffType.Constant;
            o.Retry.UseJitter = false;
        }));

        var order = await services.GetRequiredService<OrdersClient>().GetOrderAsync(42, TestContext.Current.CancellationToken);

        Assert.Equal("shipped", order.Status);
        Assert.Equal(3, orders.CallCount);
        Assert.Equal([503, 503, 200], server.Requests.Select(r => r.StatusCode));
        server.Verify();
    }

    [Fact]
    public async Task Attempt_timeout_trips_on_a_delayed_response_and_the_retry_gets_the_next_one()
    {
        await using var server = HttpFixtureServer.Start();
        server.Stub(HttpMethod.Get, "/orders/{id}")
            .Respond(StubResponse.Json(new Order(7, "late")).WithDelay(TimeSpan.FromSeconds(10)))
            .Respond(StubResponse.Json(new Order(7, "packed")));

        await using var services = Services(server, http => http.AddStandardResilienceHandler(o =>
        {
            o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(2);   // far below the 10 s delay, far above a busy machine's answer
            o.Retry.Delay = TimeSpan.FromMilliseconds(10);
            o.Retry.UseJitter = false;
        }));

        var order = await services.GetRequiredService<OrdersClient>().GetOrderAsync(7, TestContext.Current.CancellationToken);

        Assert.Equal("packed", order.Status);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Timeout_policy_trips_on_a_delayed_response()
    {
        await using var server = HttpFixtureServer.Start();
        server.Stub(HttpMethod.Get, "/orders/{id}").Respond(StubResponse.Json(new Order(1, "late")).WithDelay(TimeSpan.FromSeconds(10)));

        await using var services = Services(server, http => http.AddResilienceHandler("timeout", pipeline =>
            pipeline.AddTimeout(TimeSpan.FromMilliseconds(300))));

        var client = services.GetRequiredService<OrdersClient>();
        await Assert.ThrowsAsync<TimeoutRejectedException>(() => client.GetOrderAsync(1, TestContext.Current.CancellationToken));
        Assert.Single(server.Requests);
    }

    // The app's own registration, pointed at the fixture server: the primary handler is the server's, the pipeline is the app's.
    private static ServiceProvider Services(HttpFixtureServer server, Action<IHttpClientBuilder> resilience)
    {
        var services = new ServiceCollection();
        var http = services.AddHttpClient<OrdersClient>(c => c.BaseAddress = server.BaseAddress)
            .ConfigurePrimaryHttpMessageHandler(server.CreateHandler);
        resilience(http);
        return services.BuildServiceProvider();
    }
}
