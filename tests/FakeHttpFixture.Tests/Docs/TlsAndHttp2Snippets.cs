using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Docs;

/// <summary>The code of docs/tls-and-http2.md, run as tests so the page cannot drift from the API.</summary>
public sealed class TlsAndHttp2Snippets
{
    [Fact]
    public async Task Https_in_one_option()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "secret" }, o => o.UseHttps());
        using var client = server.CreateClient();

        (await client.GetStringAsync("a.txt")).ShouldBe("secret");
        server.BaseAddress.ShouldBe(new Uri($"https://127.0.0.1:{server.Port}/"));

        // What the page says of the certificate: in memory, for the loopback names, for 7 days.
        var certificate = server.Certificate.ShouldNotBeNull();
        certificate.MatchesHostname("127.0.0.1").ShouldBeTrue();
        certificate.MatchesHostname("::1").ShouldBeTrue();
        certificate.MatchesHostname("localhost").ShouldBeTrue();
        certificate.GetECDsaPublicKey().ShouldNotBeNull().KeySize.ShouldBe(256);
        (certificate.NotAfter - DateTime.Now).ShouldBeInRange(TimeSpan.FromDays(6.9), TimeSpan.FromDays(7.1));
    }

    [Fact]
    public async Task A_client_of_one_server_does_not_trust_another()
    {
        await using var a = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" }, o => o.UseHttps());
        await using var b = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "b" }, o => o.UseHttps());
        using var clientOfA = a.CreateClient();

        var error = await Should.ThrowAsync<HttpRequestException>(() => clientOfA.GetAsync(b.Url("a.txt")));
        error.InnerException.ShouldBeOfType<AuthenticationException>();

        // A plain HttpClient fails the same way: the certificate is in no trust store.
        using var plain = new HttpClient();
        var plainError = await Should.ThrowAsync<HttpRequestException>(() => plain.GetAsync(b.Url("a.txt")));
        plainError.InnerException.ShouldBeOfType<AuthenticationException>();
        b.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Curl_trusts_the_saved_pem()
    {
        using var temp = new TempDirectory();
        var pem = Path.Combine(temp.Path, "fixture.pem");
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" }, o => o.UseHttps());

        server.SaveCertificatePem(pem);
        var (exit, output, error) = await ExternalProcess.RunAsync("curl", "-sS", "--cacert", pem, "--http2", server.Url("a.txt").ToString());

        exit.ShouldBe(0, error);
        output.ShouldBe("a");
        server.Requests.ShouldHaveSingleItem().Protocol.ShouldBe("HTTP/2");
        File.ReadAllText(pem).ShouldBe(server.CertificatePem);
    }

    [Fact]
    public async Task ClientPrefersHttp2_negotiates_http2()
    {
        var files = new FileTree { ["a.txt"] = "a" };
        await using var server = HttpFixtureServer.Start(files, o =>
        {
            o.UseHttps();
            o.ClientPrefersHttp2 = true;
        });
        using var client = server.CreateClient();

        using var response = await client.GetAsync("a.txt");
        response.Version.ShouldBe(HttpVersion.Version20);
        server.Requests[0].Protocol.ShouldBe("HTTP/2");

        // A request that pins its version keeps it.
        using var pinned = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "a.txt") { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact });
        pinned.Version.ShouldBe(HttpVersion.Version11);
        server.Requests[1].Protocol.ShouldBe("HTTP/1.1");
    }

    [Fact]
    public async Task Http2Cleartext_speaks_http2_with_prior_knowledge()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" }, o => o.Http2Cleartext = true);
        using var client = server.CreateClient();

        (await client.GetStringAsync("a.txt")).ShouldBe("a");
        server.Requests[0].Protocol.ShouldBe("HTTP/2");

        // Together with UseHttps() it is refused at start.
        Should.Throw<ArgumentException>(() => HttpFixtureServer.Start(o =>
        {
            o.UseHttps();
            o.Http2Cleartext = true;
        }));
    }

    [Fact]
    public async Task Client_certificate_is_recorded()
    {
        await using var server = HttpFixtureServer.Start(new FileTree { ["a.txt"] = "a" }, o =>
        {
            o.UseHttps();
            o.ClientCertificates = ClientCertificatePolicy.Require;
        });
        using var alice = HttpFixtureServer.CreateClientCertificate("CN=alice, O=Tests");
        using var client = server.CreateClient(alice);

        await client.GetStringAsync("a.txt");

        var request = server.Requests.ShouldHaveSingleItem();
        request.ClientCertificateSubject.ShouldBe(alice.Subject);
        request.ClientCertificateThumbprint.ShouldBe(alice.Thumbprint);

        // Without a certificate the client fails and nothing is recorded.
        using var anonymous = server.CreateClient();
        await Should.ThrowAsync<HttpRequestException>(() => anonymous.GetAsync("a.txt"));
        server.Requests.Count.ShouldBe(1);
    }
}
