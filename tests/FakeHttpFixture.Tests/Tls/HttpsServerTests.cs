using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace FakeHttpFixture.Tests.Tls;

public sealed class HttpsServerTests
{
    [Fact]
    public async Task UseHttps_serves_https_with_a_certificate_for_the_loopback_names()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "secret" }, o => o.UseHttps());
        using var client = server.CreateClient();

        (await client.GetStringAsync("a.txt", TestContext.Current.CancellationToken)).ShouldBe("secret");

        server.BaseAddress.ShouldBe(new Uri($"https://127.0.0.1:{server.Port}/"));
        var certificate = server.Certificate.ShouldNotBeNull();
        certificate.HasPrivateKey.ShouldBeTrue();
        certificate.MatchesHostname("127.0.0.1").ShouldBeTrue();
        certificate.MatchesHostname("::1").ShouldBeTrue();
        certificate.MatchesHostname("localhost").ShouldBeTrue();
        certificate.GetECDsaPublicKey().ShouldNotBeNull().KeySize.ShouldBe(256);
        server.Requests.ShouldHaveSingleItem().Url.Scheme.ShouldBe("https");
    }

    [Fact]
    public async Task CreateClient_speaks_http1_by_default_over_tls()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" }, o => o.UseHttps());
        using var client = server.CreateClient();

        using var response = await client.GetAsync("a.txt", TestContext.Current.CancellationToken);

        response.Version.ShouldBe(HttpVersion.Version11);
        server.Requests.ShouldHaveSingleItem().Protocol.ShouldBe("HTTP/1.1");
    }

    [Fact]
    public async Task ClientPrefersHttp2_negotiates_http2_through_alpn_also_for_handlers_and_own_requests()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" }, o =>
        {
            o.UseHttps();
            o.ClientPrefersHttp2 = true;
        });
        using var client = server.CreateClient();
        using var viaHandler = new HttpClient(server.CreateHandler()) { BaseAddress = server.BaseAddress };

        using var first = await client.GetAsync("a.txt", TestContext.Current.CancellationToken);
        using var second = await viaHandler.SendAsync(new HttpRequestMessage(HttpMethod.Put, "up") { Content = new StringContent("x") }, TestContext.Current.CancellationToken);
        using var pinnedToHttp1 = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "a.txt") { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact }, TestContext.Current.CancellationToken);

        first.Version.ShouldBe(HttpVersion.Version20);
        second.Version.ShouldBe(HttpVersion.Version20);
        pinnedToHttp1.Version.ShouldBe(HttpVersion.Version11);
        server.Requests.Select(r => r.Protocol).ShouldBe(["HTTP/2", "HTTP/2", "HTTP/1.1"]);
        server.Requests[1].BodyText.ShouldBe("x");
    }

    [Fact]
    public async Task Http2Cleartext_serves_http2_with_prior_knowledge_to_the_fixture_client()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" }, o => o.Http2Cleartext = true);
        using var client = server.CreateClient();

        (await client.GetStringAsync("a.txt", TestContext.Current.CancellationToken)).ShouldBe("a");

        server.BaseAddress.Scheme.ShouldBe("http");
        server.Requests.ShouldHaveSingleItem().Protocol.ShouldBe("HTTP/2");
    }

    [Fact]
    public async Task Each_server_gets_its_own_certificate()
    {
        await using var a = HttpFixtureServer.Start(o => o.UseHttps());
        await using var b = HttpFixtureServer.Start(o => o.UseHttps());

        a.Certificate!.Thumbprint.ShouldNotBe(b.Certificate!.Thumbprint);
        a.Certificate.GetPublicKeyString().ShouldNotBe(b.Certificate.GetPublicKeyString());
    }

    [Fact]
    public async Task A_client_that_does_not_trust_the_certificate_fails_with_an_authentication_error()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" }, o => o.UseHttps());
        using var untrusting = new HttpClient(new SocketsHttpHandler { UseProxy = false });

        var error = await Should.ThrowAsync<HttpRequestException>(() => untrusting.GetAsync(server.Url("a.txt"), TestContext.Current.CancellationToken));

        error.InnerException.ShouldBeOfType<AuthenticationException>();
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_client_of_one_server_does_not_trust_another_server()
    {
        await using var a = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" }, o => o.UseHttps());
        await using var b = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "b" }, o => o.UseHttps());
        using var clientOfA = a.CreateClient();

        var error = await Should.ThrowAsync<HttpRequestException>(() => clientOfA.GetAsync(b.Url("a.txt"), TestContext.Current.CancellationToken));

        error.InnerException.ShouldBeOfType<AuthenticationException>();
        (await clientOfA.GetStringAsync("a.txt", TestContext.Current.CancellationToken)).ShouldBe("a");
        b.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Twelve_tls_servers_started_in_parallel_each_answer_only_their_own_clients()
    {
        var servers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Task.Run(() => HttpFixtureServer.StartAsync(new FileTree { ["n.txt"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }, o => o.UseHttps()))));
        try
        {
            var answers = await Task.WhenAll(servers.Select(async s =>
            {
                using var client = s.CreateClient();
                return await client.GetStringAsync("n.txt", TestContext.Current.CancellationToken);
            }));
            using var clientOfFirst = servers[0].CreateClient();

            answers.ShouldBe(Enumerable.Range(0, 12).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            servers.Select(s => s.Certificate!.Thumbprint).Distinct().Count().ShouldBe(12);
            await Should.ThrowAsync<HttpRequestException>(() => clientOfFirst.GetAsync(servers[^1].Url("n.txt"), TestContext.Current.CancellationToken));
        }
        finally
        {
            await Task.WhenAll(servers.Select(s => s.DisposeAsync().AsTask()));
        }
    }

    [Fact]
    public async Task A_callers_certificate_issued_by_a_private_ca_is_served_and_trusted_by_the_fixture_client_only()
    {
        using var issued = TestCertificates.IssuedByPrivateCa("CN=shop.test", out var ca);
        using (ca)
        {
            await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" }, o => o.UseHttps(issued));
            using var client = server.CreateClient();
            using var untrusting = new HttpClient(new SocketsHttpHandler { UseProxy = false });

            (await client.GetStringAsync("a.txt", TestContext.Current.CancellationToken)).ShouldBe("a");
            server.Certificate.ShouldBeSameAs(issued);
            server.CertificatePem.ShouldBe(issued.ExportCertificatePem());
            var error = await Should.ThrowAsync<HttpRequestException>(() => untrusting.GetAsync(server.Url("a.txt"), TestContext.Current.CancellationToken));
            error.InnerException.ShouldBeOfType<AuthenticationException>();
        }
    }

    [Fact]
    public async Task A_plain_server_has_no_certificate_to_save_and_says_what_to_do()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());

        server.CertificatePem.ShouldBeNull();
        var error = Should.Throw<InvalidOperationException>(() => server.SaveCertificatePem(Path.Combine(Path.GetTempPath(), "never.pem")));
        error.Message.ShouldContain("UseHttps()");
    }

    [Fact]
    public void Options_that_need_tls_or_contradict_it_are_refused_with_a_clear_message()
    {
        var cleartextWithTls = Should.Throw<ArgumentException>(() => HttpFixtureServer.Start(o =>
        {
            o.UseHttps();
            o.Http2Cleartext = true;
        }));
        var clientCertificatesWithoutTls = Should.Throw<ArgumentException>(() => HttpFixtureServer.Start(o =>
            o.ClientCertificates = ClientCertificatePolicy.Require));
        using var keyless = X509CertificateLoader.LoadCertificate(HttpFixtureServer.CreateClientCertificate().RawData);

        cleartextWithTls.Message.ShouldContain("ALPN");
        clientCertificatesWithoutTls.Message.ShouldContain("UseHttps()");
        Should.Throw<ArgumentException>(() => HttpFixtureServer.Start(o => o.UseHttps(keyless))).Message.ShouldContain("private key");
    }
}
