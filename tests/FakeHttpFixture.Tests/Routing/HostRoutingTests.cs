using System.Net;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Routing;

public sealed class HostRoutingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateClient_reaches_two_routed_names_over_https_keeping_host_and_url()
    {
        await using var server = HttpFixtureServer.Start(o => o.ForHosts("api.github.com", "*.payments.example"));
        server.Stub(HttpMethod.Get, "https://api.github.com/repos/{owner}/{repo}").Respond(StubResponse.Json(new { name = "fixture" }));
        server.Stub(HttpMethod.Post, "https://eu.payments.example/v1/charges").Respond(StubResponse.Json(new { id = "ch_1" }).WithStatus(201));
        using var client = server.CreateClient();

        var repo = await client.GetStringAsync(new Uri("https://api.github.com/repos/octo/fixture"), Token);
        using var charge = await client.PostAsync(new Uri("https://eu.payments.example/v1/charges"), new StringContent("amount=500"), Token);

        repo.ShouldBe("""{"name":"fixture"}""");
        charge.StatusCode.ShouldBe(HttpStatusCode.Created);
        var (get, post) = (server.Requests[0], server.Requests[1]);
        get.Host.ShouldBe("api.github.com");
        get.Url.ShouldBe(new Uri("https://api.github.com/repos/octo/fixture"));
        get.Scheme.ShouldBe("https");
        post.Host.ShouldBe("eu.payments.example");
        post.Url.ShouldBe(new Uri("https://eu.payments.example/v1/charges"));
        post.BodyText.ShouldBe("amount=500");
    }

    [Fact]
    public async Task Routed_names_keep_their_host_over_http2_too()
    {
        await using var server = HttpFixtureServer.Start(o =>
        {
            o.ForHosts("api.github.com");
            o.ClientPrefersHttp2 = true;
        });
        using var client = server.CreateClient();

        using var response = await client.GetAsync(new Uri("https://api.github.com/zen"), Token);

        response.Version.ShouldBe(HttpVersion.Version20);
        var request = server.Requests.ShouldHaveSingleItem();
        request.Protocol.ShouldBe("HTTP/2");
        request.Host.ShouldBe("api.github.com");
        request.Url.ShouldBe(new Uri("https://api.github.com/zen"));
    }

    [Fact]
    public async Task Any_port_and_plain_http_of_a_routed_name_reach_the_same_port()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" }, o => o.ForHosts("files.example.com"));
        using var client = server.CreateClient();

        (await client.GetStringAsync(new Uri("http://files.example.com/a.txt"), Token)).ShouldBe("a");
        (await client.GetStringAsync(new Uri("https://files.example.com:8443/a.txt"), Token)).ShouldBe("a");
        (await client.GetStringAsync("a.txt", Token)).ShouldBe("a");

        server.Requests.Select(r => r.Url.ToString()).ShouldBe(["http://files.example.com/a.txt", "https://files.example.com:8443/a.txt", $"http://127.0.0.1:{server.Port}/a.txt"]);
        server.Requests.Select(r => r.Host).ShouldBe(["files.example.com", "files.example.com:8443", $"127.0.0.1:{server.Port}"]);
        server.BaseAddress.Scheme.ShouldBe("http");
    }

    [Fact]
    public async Task A_host_that_is_not_routed_fails_at_once_naming_the_routed_hosts()
    {
        await using var server = HttpFixtureServer.Start(o => o.UseHttps().ForHosts("api.github.com", "*.example.com"));
        using var client = server.CreateClient();

        var refused = await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync(new Uri("https://www.bing.com/"), Token));
        var deeper = await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync(new Uri("https://a.b.example.com/"), Token));
        var otherLocalPort = await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync(new Uri($"http://127.0.0.1:{server.Port + 1}/"), Token));

        refused.Message.ShouldContain("www.bing.com:443");
        refused.Message.ShouldContain("api.github.com, *.example.com");
        refused.Message.ShouldContain("ForHosts(\"www.bing.com\")");
        deeper.Message.ShouldContain("a.b.example.com");
        otherLocalPort.Message.ShouldContain("sent nothing");
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_certificate_covers_the_routed_names_and_wildcards_and_is_the_only_one_trusted()
    {
        await using var server = HttpFixtureServer.Start(o => o.ForHosts("api.github.com", "*.example.com"));
        await using var other = HttpFixtureServer.Start(o => o.UseHttps());

        var certificate = server.Certificate.ShouldNotBeNull();
        certificate.MatchesHostname("api.github.com").ShouldBeTrue();
        certificate.MatchesHostname("shop.example.com").ShouldBeTrue();
        certificate.MatchesHostname("example.com").ShouldBeFalse();
        certificate.MatchesHostname("127.0.0.1").ShouldBeTrue();
        server.Hosts.ShouldBe(["api.github.com", "*.example.com"]);
        server.CertificateSpkiHash.ShouldNotBeNull().Length.ShouldBe(44);

        // Another server, even on this machine, is not reached: only the routed names and the server's own address are.
        using var client = server.CreateClient();
        await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync(other.BaseAddress, Token));
        other.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_stub_with_an_absolute_url_matches_that_host_only()
    {
        await using var server = HttpFixtureServer.Start(o => o.ForHosts("api.github.com", "api.gitlab.com"));
        server.Stub(HttpMethod.Get, "https://api.github.com/user").Respond(StubResponse.Text("github"));
        server.Stub(HttpMethod.Get, "https://api.gitlab.com/user").Respond(StubResponse.Text("gitlab"));
        server.StubPrefix(HttpMethod.Get, "https://api.github.com/repos").Respond(StubResponse.Text("repos"));
        using var client = server.CreateClient();

        (await client.GetStringAsync(new Uri("https://api.github.com/user"), Token)).ShouldBe("github");
        (await client.GetStringAsync(new Uri("https://api.gitlab.com/user"), Token)).ShouldBe("gitlab");
        (await client.GetStringAsync(new Uri("https://api.github.com/repos/a/b"), Token)).ShouldBe("repos");
        (await client.GetAsync(new Uri("https://api.gitlab.com/repos/a/b"), Token)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri("http://api.github.com/user"), Token)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync(new Uri("https://api.github.com:8443/user"), Token)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        server.Requests.Select(r => r.AnsweredBy).ShouldBe([ResponseSource.Stub, ResponseSource.Stub, ResponseSource.Stub, ResponseSource.Fallback, ResponseSource.Fallback, ResponseSource.Fallback]);
    }

    [Fact]
    public async Task A_stub_for_a_host_the_server_does_not_route_is_refused_when_added()
    {
        await using var server = HttpFixtureServer.Start(o => o.ForHosts("api.github.com"));

        var unrouted = Should.Throw<ArgumentException>(() => server.Stub(HttpMethod.Get, "https://api.gitlab.com/user"));
        var withQuery = Should.Throw<ArgumentException>(() => server.Stub(HttpMethod.Get, "https://api.github.com/search?q=x"));
        var ftp = Should.Throw<ArgumentException>(() => server.Stub(HttpMethod.Get, "ftp://api.github.com/x"));

        unrouted.Message.ShouldContain("can never match");
        unrouted.Message.ShouldContain("ForHosts(\"api.gitlab.com\")");
        unrouted.ParamName.ShouldBe("path");
        withQuery.Message.ShouldContain("WithQuery");
        ftp.Message.ShouldContain("http:// or https://");
        server.Stub(HttpMethod.Get, "https://api.github.com/repos/{owner}/{repo}").ToString().ShouldBe("GET https://api.github.com/repos/{owner}/{repo}");
    }

    [Fact]
    public async Task One_handler_routes_several_servers_each_for_its_own_hosts()
    {
        await using var github = HttpFixtureServer.Start(o => o.ForHosts("api.github.com"));
        await using var payments = HttpFixtureServer.Start(o => o.ForHosts("api.stripe.com"));
        github.Stub(HttpMethod.Get, "/zen").Respond(StubResponse.Text("keep it logically awesome"));
        payments.Stub(HttpMethod.Post, "/v1/refunds").Respond(StubResponse.Text("refunded"));
        using var client = new HttpClient(HttpFixtureRouting.CreateHandler(github, payments));

        (await client.GetStringAsync(new Uri("https://api.github.com/zen"), Token)).ShouldBe("keep it logically awesome");
        using var refund = await client.PostAsync(new Uri("https://api.stripe.com/v1/refunds"), null, Token);
        (await refund.Content.ReadAsStringAsync(Token)).ShouldBe("refunded");
        (await client.GetStringAsync(github.Url("zen"), Token)).ShouldBe("keep it logically awesome");
        var refused = await Should.ThrowAsync<HttpRequestException>(() => client.GetAsync(new Uri("https://api.twilio.com/"), Token));

        github.Requests.Select(r => r.Host).ShouldBe(["api.github.com", $"127.0.0.1:{github.Port}"]);
        payments.Requests.ShouldHaveSingleItem().Host.ShouldBe("api.stripe.com");
        refused.Message.ShouldContain("api.github.com, api.stripe.com");
    }

    [Fact]
    public async Task Two_servers_cannot_route_the_same_name()
    {
        await using var a = HttpFixtureServer.Start(o => o.ForHosts("api.github.com"));
        await using var b = HttpFixtureServer.Start(o => o.ForHosts("API.GitHub.com"));

        var conflict = Should.Throw<ArgumentException>(() => HttpFixtureRouting.CreateHandler(a, b));

        conflict.Message.ShouldContain("api.github.com is routed by two servers");
    }

    [Fact]
    public async Task Chromium_arguments_map_each_name_to_its_server_and_list_each_certificate()
    {
        await using var shop = HttpFixtureServer.Start(o => o.ForHosts("shop.example.com"));
        await using var api = HttpFixtureServer.Start(o => o.ForHosts("api.github.com", "*.cdn.example"));

        var arguments = HttpFixtureRouting.GetChromiumArguments(shop, api);

        arguments.Count.ShouldBe(2);
        arguments[0].ShouldBe($"--host-resolver-rules=MAP shop.example.com 127.0.0.1:{shop.Port}, MAP api.github.com 127.0.0.1:{api.Port}, MAP *.cdn.example 127.0.0.1:{api.Port}, MAP * ~NOTFOUND, EXCLUDE localhost");
        arguments[1].ShouldBe($"--ignore-certificate-errors-spki-list={shop.CertificateSpkiHash},{api.CertificateSpkiHash}");

        // Computed apart from the property under test: openssl reads the public key out of each certificate's PEM.
        shop.CertificateSpkiHash.ShouldBe(await OpenSsl.SpkiHashAsync(shop));
        api.CertificateSpkiHash.ShouldBe(await OpenSsl.SpkiHashAsync(api));
        shop.CertificateSpkiHash.ShouldNotBe(api.CertificateSpkiHash);
    }

    [Fact]
    public async Task Without_ForHosts_the_client_reaches_any_address_as_before()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" });
        await using var other = HttpFixtureServer.Start(new FileTree { ["b.txt"] = "b" });
        using var client = server.CreateClient();

        (await client.GetStringAsync(other.Url("b.txt"), Token)).ShouldBe("b");

        server.Hosts.ShouldBeEmpty();
        server.Certificate.ShouldBeNull();
    }
}
