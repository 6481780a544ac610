using FakeHttpFixture.Tests.Support;

namespace FakeHttpFixture.Tests.Tls;

/// <summary>The pin browsers are given, checked against openssl rather than against the code that makes it.</summary>
public sealed class SpkiHashTests
{
    [Fact]
    public async Task The_spki_hash_of_a_supplied_certificate_is_the_one_openssl_computes()
    {
        using var certificate = TestCertificates.IssuedByPrivateCa("CN=localhost", out var ca);
        using var _ = ca;
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.UseHttps(certificate));

        server.CertificateSpkiHash.ShouldBe(await OpenSsl.SpkiHashAsync(server));
    }

    [Fact]
    public async Task The_instance_chromium_arguments_pin_exactly_this_servers_certificate()
    {
        await using var server = HttpFixtureServer.Start(new FileTree(), o => o.ForHosts("app.example.test"));

        var arguments = server.GetChromiumArguments();

        arguments.ShouldBe(HttpFixtureRouting.GetChromiumArguments(server));
        arguments[1].ShouldBe("--ignore-certificate-errors-spki-list=" + await OpenSsl.SpkiHashAsync(server));
    }

    [Fact]
    public async Task A_plain_http_server_has_no_pin()
    {
        await using var server = HttpFixtureServer.Start(new FileTree());

        server.CertificateSpkiHash.ShouldBeNull();
    }
}
