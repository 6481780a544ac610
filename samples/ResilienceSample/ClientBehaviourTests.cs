using System.Globalization;
using FakeHttpFixture;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ResilienceSample;

/// <summary>
/// The standard resilience handler meets chaos, a rate limit, slow and broken answers and a cancellation, and the fixture checks
/// from its journal how it behaved: each test ends with assertions on the timeline of what the client sent.
/// </summary>
public sealed class ClientBehaviourTests
{
    [Fact]
    public async Task Seeded_chaos_503s_are_retried_until_every_order_arrives()
    {
        await using var server = HttpFixtureServer.Start(o =>
        {
            o.ChaosSeed = 2024;                                  // a failing run prints its seed: set it here to replay that run
            o.AddChaos(Chaos.Share(0.3).Respond(503));           // about 30% of the requests, the same ones on every run
        });
        server.Stub(HttpMethod.Get, "/orders/{id}")
            .Respond(StubResponse.From(ctx => StubResponse.Json(new Order(int.Parse((string)ctx.Request.RouteValues["id"]!, CultureInfo.InvariantCulture), "shipped"))));
        await using var services = AppServices(server, http => http.AddStandardResilienceHandler(FastRetries));
        var orders = services.GetRequiredService<OrdersClient>();

        for (var id = 1; id <= 10; id++)
        {
            Assert.Equal(id, (await orders.GetOrderAsync(id, TestContext.Current.CancellationToken)).Id);
        }

        var picked = server.Requests.Where(r => r.ChaosRule is not null).ToList();
        Assert.NotEmpty(picked);                                  // the seed picked some requests …
        Assert.All(picked, r => Assert.Equal(503, r.StatusCode));
        Assert.Equal(10 + picked.Count, server.Requests.Count);   // … and each one was retried
        Assert.Equal([4L, 7L, 8L, 11L, 14L], picked.Select(r => r.Sequence)); // the same ones on every run
        server.Timeline().ShouldHaveReusedConnections();          // a 503 keeps the connection: every retry used it again
    }

    [Fact]
    public async Task Rate_limited_calls_wait_as_long_as_retry_after_says()
    {
        await using var server = HttpFixtureServer.Start(o => o.AddRateLimit(RateLimit.Allow(2, per: TimeSpan.FromSeconds(1))));
        server.Stub(HttpMethod.Get, "/orders/{id}").Respond(StubResponse.Json(new Order(3, "packed")));
        await using var services = AppServices(server, http => http.AddStandardResilienceHandler(FastRetries));
        var orders = services.GetRequiredService<OrdersClient>();

        await orders.GetOrderAsync(1, TestContext.Current.CancellationToken);
        await orders.GetOrderAsync(2, TestContext.Current.CancellationToken);
        await orders.GetOrderAsync(3, TestContext.Current.CancellationToken);   // 429 with Retry-After: 1, then 200

        server.Timeline(HttpMethod.Get, "/orders/3")
            .ShouldHaveRetried(1)
            .ShouldHaveRespectedRetryAfter();
        Assert.Equal(ResponseSource.RateLimit, server.Requests[2].AnsweredBy);
    }

    [Fact]
    public async Task Exponential_backoff_waits_longer_each_time_on_the_same_connection()
    {
        await WarmUpRetriesAsync();
        await using var server = HttpFixtureServer.Start();
        server.Stub(HttpMethod.Get, "/orders/{id}").Respond(503, times: 3).Respond(StubResponse.Json(new Order(7, "shipped")));
        await using var services = AppServices(server, http => http.AddStandardResilienceHandler(o =>
        {
            GenerousTimeouts(o);
            o.Retry.BackoffType = DelayBackoffType.Exponential;  // 200 ms, 400 ms, 800 ms
            o.Retry.Delay = TimeSpan.FromMilliseconds(200);
            o.Retry.UseJitter = false;
        }));

        await services.GetRequiredService<OrdersClient>().GetOrderAsync(7, TestContext.Current.CancellationToken);

        server.Timeline(HttpMethod.Get, "/orders/7")
            .ShouldHaveRetried(3)
            .ShouldHaveBackedOff()
            .ShouldHaveReusedConnections();
    }

    [Fact]
    public async Task Retried_orders_keep_their_idempotency_key()
    {
        await using var server = HttpFixtureServer.Start();
        server.Stub(HttpMethod.Post, "/orders").Respond(503, times: 2).Respond(StubResponse.Json(new Order(8, "placed")).WithStatus(201));
        await using var services = AppServices(server, http => http.AddStandardResilienceHandler(FastRetries));

        await services.GetRequiredService<OrdersClient>().PlaceOrderAsync(new Order(0, "new"), TestContext.Current.CancellationToken);

        server.Timeline(HttpMethod.Post, "/orders")
            .ShouldHaveRetried(2)
            .ShouldHaveKeptHeader("Idempotency-Key");
    }

    [Fact]
    public async Task A_reset_connection_is_retried_on_a_new_connection()
    {
        await using var server = HttpFixtureServer.Start();
        server.Stub(HttpMethod.Get, "/orders/{id}")
            .WithChaos(Chaos.Burst(first: 1, count: 1).Respond(StubResponse.ResetConnection()))
            .Respond(StubResponse.Json(new Order(9, "shipped")));
        await using var services = AppServices(server, http => http.AddStandardResilienceHandler(FastRetries));

        await services.GetRequiredService<OrdersClient>().GetOrderAsync(9, TestContext.Current.CancellationToken);

        server.Timeline(HttpMethod.Get, "/orders/9")
            .ShouldHaveRetried(1)
            .ShouldHaveUsedNewConnections();
    }

    [Fact]
    public async Task The_cached_catalog_is_revalidated_with_its_etag()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["catalog.json"] = """{ "items": 3 }""" });
        await using var services = AppServices(server, http => http.AddStandardResilienceHandler(FastRetries));
        var orders = services.GetRequiredService<OrdersClient>();

        var first = await orders.GetCatalogAsync(TestContext.Current.CancellationToken);
        var second = await orders.GetCatalogAsync(TestContext.Current.CancellationToken);   // 304 Not Modified

        Assert.Equal(first, second);
        Assert.Equal([200, 304], server.Requests.Select(r => r.StatusCode));
        server.Timeline(HttpMethod.Get, "/catalog.json").ShouldHaveRevalidated();
    }

    [Fact]
    public async Task Nothing_is_sent_once_the_caller_cancels()
    {
        await using var server = HttpFixtureServer.Start();
        server.Stub(HttpMethod.Get, "/orders/{id}").Respond(StubResponse.Hang());
        await using var services = AppServices(server, http => http.AddStandardResilienceHandler(FastRetries));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var cancelled = server.MarkCancellation(cts.Token);    // notes the moment cts is cancelled
        var call = services.GetRequiredService<OrdersClient>().GetOrderAsync(5, cts.Token);
        await server.WaitForRequestAsync(r => r.Path == "/orders/5", cancellationToken: TestContext.Current.CancellationToken);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await server.Timeline(HttpMethod.Get, "/orders/5")
            .ShouldSendNothingAfterAsync(cancelled, watchFor: TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
    }

    // A process's first retry also runs the retry path for the first time (compiling it, starting its telemetry): on a busy
    // machine that has added a few hundred ms to the first wait, making 200 ms look longer than the 400 ms after it. One
    // retried call on a server of its own keeps that out of the waits a backoff test measures.
    private static async Task WarmUpRetriesAsync()
    {
        await using var server = HttpFixtureServer.Start();
        server.Stub(HttpMethod.Get, "/orders/{id}").Respond(503).Respond(StubResponse.Json(new Order(1, "shipped")));
        await using var services = AppServices(server, http => http.AddStandardResilienceHandler(FastRetries));
        await services.GetRequiredService<OrdersClient>().GetOrderAsync(1, TestContext.Current.CancellationToken);
    }

    // Short, fixed delays keep the tests fast; a Retry-After from the server still wins, as the handler honours it.
    private static void FastRetries(HttpStandardResilienceOptions o)
    {
        GenerousTimeouts(o);
        o.Retry.Delay = TimeSpan.FromMilliseconds(10);
        o.Retry.BackoffType = DelayBackoffType.Constant;
        o.Retry.UseJitter = false;
    }

    // Timeouts far above a busy machine's answer times: only the waits a test is about depend on time, and an attempt that
    // is merely slow never turns into a retry the test did not expect.
    private static void GenerousTimeouts(HttpStandardResilienceOptions o)
    {
        o.AttemptTimeout.Timeout = TimeSpan.FromMinutes(1);
        o.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(3);
        o.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(2);   // at least twice the attempt timeout
    }

    // The app's registration: its idempotency handler outside the resilience pipeline, the fixture server's handler at the bottom.
    private static ServiceProvider AppServices(HttpFixtureServer server, Action<IHttpClientBuilder> resilience)
    {
        var services = new ServiceCollection();
        services.AddTransient<IdempotencyKeyHandler>();
        var http = services.AddHttpClient<OrdersClient>(c => c.BaseAddress = server.BaseAddress)
            .ConfigurePrimaryHttpMessageHandler(server.CreateHandler)
            .AddHttpMessageHandler<IdempotencyKeyHandler>();
        resilience(http);
        return services.BuildServiceProvider();
    }
}
