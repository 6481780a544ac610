using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Proxy;

/// <summary>
/// ProxyTo forwards what nothing else answers to an upstream and streams the answer back as sent. The upstream is another fixture
/// server on loopback playing the real service, so nothing leaves the machine and its journal shows what the proxy sent.
/// </summary>
public sealed class ProxyTests
{
    [Fact]
    public async Task Method_path_query_headers_and_body_reach_the_upstream_and_its_answer_comes_back()
    {
        await using var upstream = HttpFixtureServer.Start(new FileTree());
        upstream.Stub(HttpMethod.Post, "/api/orders").Respond(StubResponse.Text("""{"id":7}""", "application/json").WithStatus(201).WithHeader("X-Upstream", "yes").WithHeader("Location", "/api/orders/7"));
        await using var proxy = HttpFixtureServer.Start(o => o.ProxyTo(upstream.BaseAddress));
        using var client = proxy.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/orders?dry=1&tag=a%20b") { Content = new StringContent("""{"item":"book"}""", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Trace", "t-1");
        request.Headers.Connection.Add("X-Hop");
        request.Headers.Add("X-Hop", "for the first hop only");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("""{"id":7}""");
        response.Headers.GetValues("X-Upstream").ShouldBe(["yes"]);
        response.Headers.Location!.OriginalString.ShouldBe("/api/orders/7", "a redirect target is passed through as the upstream wrote it");
        var forwarded = upstream.Requests.ShouldHaveSingleItem();
        forwarded.Method.ShouldBe("POST");
        forwarded.Path.ShouldBe("/api/orders");
        forwarded.RawTarget.ShouldBe("/api/orders?dry=1&tag=a%20b");
        forwarded.Header("X-Trace").ShouldBe("t-1");
        forwarded.Header("X-Hop").ShouldBeNull("a header that Connection names is hop-by-hop");
        forwarded.Header("Content-Type").ShouldBe("application/json; charset=utf-8");
        forwarded.Host.ShouldBe(upstream.BaseAddress.Authority, "Host is rewritten to the upstream's");
        forwarded.BodyText.ShouldBe("""{"item":"book"}""");
        var recorded = proxy.Requests.ShouldHaveSingleItem();
        Encoding.UTF8.GetString(recorded.ResponseBody!).ShouldBe("""{"id":7}""", "read first: it waits for the exchange to complete");
        recorded.AnsweredBy.ShouldBe(ResponseSource.Proxy);
        recorded.StatusCode.ShouldBe(201);
        recorded.ResponseHeaders["X-Upstream"].ShouldBe(["yes"]);
        recorded.UpstreamFailure.ShouldBe(UpstreamFailure.None);
    }

    [Fact]
    public async Task A_path_in_the_upstream_address_is_put_before_every_request_path()
    {
        await using var upstream = HttpFixtureServer.Start(new FileTree { ["v2/users/1.json"] = """{"name":"ada"}""" });
        await using var proxy = HttpFixtureServer.Start(o => o.ProxyTo(upstream.Url("v2/")));
        using var client = proxy.CreateClient();

        (await client.GetStringAsync("users/1.json", TestContext.Current.CancellationToken)).ShouldBe("""{"name":"ada"}""");

        upstream.Requests.ShouldHaveSingleItem().Path.ShouldBe("/v2/users/1.json");
    }

    [Fact]
    public async Task Redirects_are_passed_to_the_client_not_followed()
    {
        await using var upstream = HttpFixtureServer.Start(new FileTree());
        upstream.Stub(HttpMethod.Get, "/old").Respond(StubResponse.Status(302).WithHeader("Location", "/new"));
        await using var proxy = HttpFixtureServer.Start(o => o.ProxyTo(upstream.BaseAddress));
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = proxy.BaseAddress };

        using var response = await client.GetAsync("old", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Found);
        response.Headers.Location!.OriginalString.ShouldBe("/new");
        upstream.Requests.Select(r => r.Path).ShouldBe(["/old"]);
    }

    [Fact]
    public async Task Stubs_and_files_of_the_fixture_answer_before_the_upstream()
    {
        await using var upstream = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "upstream a", ["b.txt"] = "upstream b", ["c.txt"] = "upstream c" });
        await using var proxy = HttpFixtureServer.Start(new FileTree { ["b.txt"] = "local b" }, o => o.ProxyTo(upstream.BaseAddress));
        proxy.Stub(HttpMethod.Get, "/a.txt").Respond(StubResponse.Text("stubbed a"));
        using var client = proxy.CreateClient();

        (await client.GetStringAsync("a.txt", TestContext.Current.CancellationToken)).ShouldBe("stubbed a");
        (await client.GetStringAsync("b.txt", TestContext.Current.CancellationToken)).ShouldBe("local b");
        (await client.GetStringAsync("c.txt", TestContext.Current.CancellationToken)).ShouldBe("upstream c");

        proxy.Requests.Select(r => Encoding.UTF8.GetString(r.ResponseBody!)).ShouldBe(["stubbed a", "local b", "upstream c"]);
        proxy.Requests.Select(r => r.AnsweredBy).ShouldBe([ResponseSource.Stub, ResponseSource.File, ResponseSource.Proxy]);
        upstream.Requests.Select(r => r.Path).ShouldBe(["/c.txt"]);
    }

    [Fact]
    public async Task The_root_of_a_proxying_server_goes_to_the_upstream_instead_of_a_listing()
    {
        await using var upstream = HttpFixtureServer.Start(new FileTree { ["index.html"] = "<h1>home</h1>" });
        await using var proxy = HttpFixtureServer.Start(o => o.ProxyTo(upstream.BaseAddress));
        using var client = proxy.CreateClient();

        (await client.GetStringAsync("/", TestContext.Current.CancellationToken)).ShouldBe("<h1>home</h1>");
    }

    [Fact]
    public async Task An_http2_client_is_served_through_an_http11_upstream()
    {
        await using var upstream = HttpFixtureServer.Start(new FileTree { ["data.json"] = """{"ok":true}""" });
        await using var proxy = HttpFixtureServer.Start(o =>
        {
            o.Http2Cleartext = true;
            o.ProxyTo(upstream.BaseAddress);
        });
        using var client = proxy.CreateClient();

        using var response = await client.GetAsync("data.json", TestContext.Current.CancellationToken);

        response.Version.ShouldBe(HttpVersion.Version20);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldBe("""{"ok":true}""");
        proxy.Requests.ShouldHaveSingleItem().Protocol.ShouldBe("HTTP/2");
        upstream.Requests.ShouldHaveSingleItem().Protocol.ShouldBe("HTTP/1.1");
    }

    [Fact]
    public async Task A_gzip_body_reaches_the_client_and_the_journal_compressed_with_its_header()
    {
        var text = string.Concat(Enumerable.Repeat("compress me please; ", 200));
        var gzip = Gzip.Compress(text);
        await using var upstream = HttpFixtureServer.Start(new FileTree());
        upstream.Stub(HttpMethod.Get, "/big.txt").Respond(StubResponse.Bytes(gzip, "text/plain; charset=utf-8").WithHeader("Content-Encoding", "gzip").WithHeader("Vary", "Accept-Encoding"));
        await using var proxy = HttpFixtureServer.Start(o => o.ProxyTo(upstream.BaseAddress));
        using var raw = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = proxy.BaseAddress };
        using var decoding = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.GZip }) { BaseAddress = proxy.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "big.txt");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var response = await raw.SendAsync(request, TestContext.Current.CancellationToken);

        response.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
        response.Content.Headers.ContentLength.ShouldBe(gzip.Length);
        (await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).ShouldBe(gzip);
        upstream.Requests[0].Header("Accept-Encoding").ShouldBe("gzip");
        proxy.Requests[0].ResponseBody.ShouldBe(gzip);
        proxy.Requests[0].ResponseHeaders["Content-Encoding"].ShouldBe(["gzip"]);
        (await decoding.GetStringAsync("big.txt", TestContext.Current.CancellationToken)).ShouldBe(text);
    }

    [Fact]
    public async Task Every_Set_Cookie_of_the_upstream_reaches_the_client_as_its_own_header()
    {
        await using var upstream = HttpFixtureServer.Start(new FileTree());
        upstream.Stub(HttpMethod.Get, "/login").Respond(StubResponse.Status(204).WithHeader("Set-Cookie", "a=1; Path=/").WithHeader("Set-Cookie", "b=2; HttpOnly"));
        await using var proxy = HttpFixtureServer.Start(o => o.ProxyTo(upstream.BaseAddress));
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = proxy.BaseAddress };

        using var response = await client.GetAsync("login", TestContext.Current.CancellationToken);

        response.Headers.GetValues("Set-Cookie").ShouldBe(["a=1; Path=/", "b=2; HttpOnly"]);
    }

    [Fact]
    public async Task An_https_upstream_is_trusted_through_the_certificate_the_test_gives()
    {
        await using var upstream = HttpFixtureServer.Start(new FileTree { ["secret.txt"] = "over TLS" }, o => o.UseHttps());
        await using var proxy = HttpFixtureServer.Start(o =>
        {
            o.ProxyTo(upstream.BaseAddress);
            o.TrustedUpstreamCertificate = upstream.Certificate;
        });
        using var client = proxy.CreateClient();

        (await client.GetStringAsync("secret.txt", TestContext.Current.CancellationToken)).ShouldBe("over TLS");
        upstream.Requests.ShouldHaveSingleItem().Scheme.ShouldBe("https");
    }

    [Fact]
    public async Task An_https_upstream_whose_certificate_is_not_trusted_gets_502_saying_the_handshake_failed()
    {
        await using var upstream = HttpFixtureServer.Start(new FileTree { ["secret.txt"] = "over TLS" }, o => o.UseHttps());
        await using var proxy = HttpFixtureServer.Start(o => o.ProxyTo(upstream.BaseAddress));
        using var client = proxy.CreateClient();

        using var response = await client.GetAsync("secret.txt", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("failed the TLS handshake");
        proxy.Requests.ShouldHaveSingleItem().UpstreamFailure.ShouldBe(UpstreamFailure.TlsFailed);
        upstream.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Options_refuse_an_upstream_that_is_not_an_absolute_http_address()
    {
        var ex = Should.Throw<ArgumentException>(() => HttpFixtureServer.Start(o => o.ProxyTo(new Uri("ftp://files.example.com/"))));

        ex.Message.ShouldContain("ProxyTo needs an absolute http:// or https:// address");
    }
}
