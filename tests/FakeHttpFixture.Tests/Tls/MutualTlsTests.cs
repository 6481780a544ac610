
namespace FakeHttpFixture.Tests.Tls;

public sealed class MutualTlsTests
{
    [Fact]
    public async Task Required_client_certificate_is_recorded_with_its_subject_and_thumbprint()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" }, o =>
        {
            o.UseHttps();
            o.ClientCertificates = ClientCertificatePolicy.Require;
        });
        using var alice = HttpFixtureServer.CreateClientCertificate("CN=alice, O=Tests");
        using var client = server.CreateClient(alice);

        (await client.GetStringAsync("a.txt", TestContext.Current.CancellationToken)).ShouldBe("a");

        var request = server.Requests.ShouldHaveSingleItem();
        request.ClientCertificateSubject.ShouldBe(alice.Subject);
        request.ClientCertificateThumbprint.ShouldBe(alice.Thumbprint);
    }

    [Fact]
    public async Task A_handler_made_with_a_client_certificate_presents_it_through_a_client_of_the_callers_own()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" }, o =>
        {
            o.UseHttps();
            o.ClientCertificates = ClientCertificatePolicy.Require;
        });
        using var carol = HttpFixtureServer.CreateClientCertificate("CN=carol");
        using var client = new HttpClient(server.CreateHandler(carol)) { BaseAddress = server.BaseAddress }; // as IHttpClientFactory would

        (await client.GetStringAsync("a.txt", TestContext.Current.CancellationToken)).ShouldBe("a");

        server.Requests.ShouldHaveSingleItem().ClientCertificateThumbprint.ShouldBe(carol.Thumbprint);
    }

    [Fact]
    public async Task Required_client_certificate_refuses_a_client_without_one_and_records_nothing()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" }, o =>
        {
            o.UseHttps();
            o.ClientCertificates = ClientCertificatePolicy.Require;
        });
        using var anonymous = server.CreateClient();

        await Should.ThrowAsync<HttpRequestException>(() => anonymous.GetAsync("a.txt", TestContext.Current.CancellationToken));

        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Allowed_client_certificate_is_optional_and_works_over_http2()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" }, o =>
        {
            o.UseHttps();
            o.ClientCertificates = ClientCertificatePolicy.Allow;
            o.ClientPrefersHttp2 = true;
        });
        using var bob = HttpFixtureServer.CreateClientCertificate("CN=bob");
        using var withCertificate = server.CreateClient(bob);
        using var without = server.CreateClient();

        await withCertificate.GetStringAsync("a.txt", TestContext.Current.CancellationToken);
        await without.GetStringAsync("a.txt", TestContext.Current.CancellationToken);

        server.Requests[0].ClientCertificateSubject.ShouldBe("CN=bob");
        server.Requests[0].ClientCertificateThumbprint.ShouldBe(bob.Thumbprint);
        server.Requests[0].Protocol.ShouldBe("HTTP/2");
        server.Requests[1].ClientCertificateSubject.ShouldBeNull();
        server.Requests[1].ClientCertificateThumbprint.ShouldBeNull();
    }

    [Fact]
    public async Task A_client_certificate_needs_tls_and_a_private_key()
    {
        await using var plain = HttpFixtureServer.Start(new FileTree());
        await using var tls = HttpFixtureServer.Start(new FileTree(), o => o.UseHttps());
        using var certificate = HttpFixtureServer.CreateClientCertificate();
        using var keyless = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(certificate.RawData);

        Should.Throw<InvalidOperationException>(() => plain.CreateClient(certificate)).Message.ShouldContain("UseHttps()");
        Should.Throw<ArgumentException>(() => tls.CreateClient(keyless)).Message.ShouldContain("private key");
    }
}
