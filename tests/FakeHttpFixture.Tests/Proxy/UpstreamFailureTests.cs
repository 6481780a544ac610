using System.Net;
using System.Net.Sockets;

namespace FakeHttpFixture.Tests.Proxy;

/// <summary>
/// An upstream that refuses, resets or does not answer gets the client a 502 whose body says which, and a journal entry that says
/// so; one that fails after its answer has started breaks the client's response off the same way. The proxy never hangs a test.
/// </summary>
public sealed class UpstreamFailureTests
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task An_upstream_that_refuses_the_connection_gets_502_saying_so()
    {
        var closed = ClosedPort();
        await using var proxy = HttpFixtureServer.Start(o => o.ProxyTo(new Uri($"http://127.0.0.1:{closed}/")));
        using var client = proxy.CreateClient();

        using var response = await client.GetAsync("api/items?page=2", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
            .ShouldBe($"FakeHttpFixture could not proxy GET /api/items?page=2: the upstream http://127.0.0.1:{closed}/ refused the connection (ConnectionRefused).\n");
        var recorded = proxy.Requests.ShouldHaveSingleItem();
        recorded.ResponseBody.ShouldNotBeEmpty("the fixture's own 502 is recorded like any answer");
        recorded.StatusCode.ShouldBe(502);
        recorded.AnsweredBy.ShouldBe(ResponseSource.Proxy);
        recorded.UpstreamFailure.ShouldBe(UpstreamFailure.ConnectionRefused);
        recorded.ResponseAborted.ShouldBeFalse();
        recorded.ToString().ShouldBe("#1 GET /api/items?page=2 → 502 [upstream ConnectionRefused]");
    }

    [Fact]
    public async Task An_upstream_that_resets_the_connection_gets_502_saying_so()
    {
        await using var upstream = HttpFixtureServer.Start(new FileTree());
        upstream.Stub(HttpMethod.Post, "/pay").Respond(StubResponse.ResetConnection());
        await using var proxy = HttpFixtureServer.Start(o => o.ProxyTo(upstream.BaseAddress));
        using var client = proxy.CreateClient();

        using var response = await client.PostAsync("pay", new StringContent("42"), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("reset the connection before its response was whole (ConnectionReset)");
        proxy.Requests.ShouldHaveSingleItem().UpstreamFailure.ShouldBe(UpstreamFailure.ConnectionReset);
        upstream.Requests.ShouldHaveSingleItem().BodyText.ShouldBe("42");
    }

    [Fact]
    public async Task An_upstream_that_breaks_off_mid_body_breaks_the_clients_response_off_too()
    {
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray();
        await using var upstream = HttpFixtureServer.Start(new FileTree());
        upstream.Stub(HttpMethod.Get, "/file.bin").Respond(StubResponse.Bytes(bytes).TruncateAfter(30_000));
        var completed = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var proxy = HttpFixtureServer.Start(o =>
        {
            o.ProxyTo(upstream.BaseAddress);
            o.OnRequestCompleted = r => completed.TrySetResult(r);
        });
        using var client = proxy.CreateClient();

        using var response = await client.GetAsync("file.bin", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the upstream's status had gone out before its body broke off");
        response.Content.Headers.ContentLength.ShouldBe(100_000);
        await Should.ThrowAsync<Exception>(() => response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        var recorded = await completed.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        recorded.UpstreamFailure.ShouldBe(UpstreamFailure.ConnectionReset);
        recorded.ResponseAborted.ShouldBeTrue();
        recorded.ResponseBody!.ShouldBe(bytes[..recorded.ResponseBody!.Length], "what went out before the break is recorded as it was");
    }

    [Fact]
    public async Task An_upstream_that_does_not_answer_in_time_gets_502_saying_so()
    {
        await using var upstream = HttpFixtureServer.Start(new FileTree());
        upstream.Stub(HttpMethod.Get, "/slow").Respond(StubResponse.Hang());
        await using var proxy = HttpFixtureServer.Start(o =>
        {
            o.ProxyTo(upstream.BaseAddress);
            o.UpstreamTimeout = ShortTimeout;
        });
        using var client = proxy.CreateClient();

        using var response = await client.GetAsync("slow", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("did not answer within 300 ms (HttpFixtureOptions.UpstreamTimeout) (TimedOut)");
        proxy.Requests.ShouldHaveSingleItem().UpstreamFailure.ShouldBe(UpstreamFailure.TimedOut);
    }

    [Fact]
    public async Task An_upstream_that_sends_its_headers_and_then_stalls_gets_502_saying_it_timed_out()
    {
        await using var upstream = HttpFixtureServer.Start(new FileTree());
        upstream.Stub(HttpMethod.Get, "/stall").Respond(StubResponse.Text("late").WithBodyDelay(TimeSpan.FromMinutes(5)));
        await using var proxy = HttpFixtureServer.Start(o =>
        {
            o.ProxyTo(upstream.BaseAddress);
            o.UpstreamTimeout = ShortTimeout;
        });
        using var client = proxy.CreateClient();

        using var response = await client.GetAsync("stall", TestContext.Current.CancellationToken);

        // Nothing had gone out to the client yet, so it still gets a whole answer that says what happened.
        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        proxy.Requests.ShouldHaveSingleItem().UpstreamFailure.ShouldBe(UpstreamFailure.TimedOut);
    }

    [Fact]
    public async Task An_upstream_host_that_does_not_resolve_gets_502_saying_so()
    {
        await using var proxy = HttpFixtureServer.Start(o => o.ProxyTo(new Uri("http://no-such-host.invalid/")));
        using var client = proxy.CreateClient();

        using var response = await client.GetAsync("x", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        proxy.Requests.ShouldHaveSingleItem().UpstreamFailure.ShouldBe(UpstreamFailure.HostNotFound);
    }

    [Fact]
    public async Task Dispose_does_not_wait_for_a_hanging_upstream()
    {
        await using var upstream = HttpFixtureServer.Start(new FileTree());
        upstream.Stub(HttpMethod.Get, "/hang").Respond(StubResponse.Hang());
        var proxy = HttpFixtureServer.Start(o => o.ProxyTo(upstream.BaseAddress));
        using var client = proxy.CreateClient();
        var pending = client.GetAsync("hang", TestContext.Current.CancellationToken);
        await proxy.WaitForRequestAsync(cancellationToken: TestContext.Current.CancellationToken);
        await upstream.WaitForRequestAsync(cancellationToken: TestContext.Current.CancellationToken);

        // The default UpstreamTimeout is 30 s; dispose ends the forwarded request at once instead.
        await proxy.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        await Should.ThrowAsync<HttpRequestException>(() => pending);
        proxy.Requests.ShouldHaveSingleItem().ResponseAborted.ShouldBeTrue();
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
