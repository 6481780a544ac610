using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FakeHttpFixture.Tests.Routing;

public sealed class ForHostsOptionTests
{
    [Theory]
    [InlineData("https://api.github.com/", "ForHosts takes host names, not URLs: give \"api.github.com\"")]
    [InlineData("api.github.com:443", "without a port: give \"api.github.com\"")]
    [InlineData("10.1.2.3", "is an IP address")]
    [InlineData("", "empty host name")]
    [InlineData("api.*.com", "'*' may only stand for the whole first label")]
    [InlineData("*.com", "at least two labels after \"*.\"")]
    [InlineData("a..b", "is not a valid host name")]
    public async Task A_bad_host_name_stops_the_start_with_what_to_give_instead(string name, string expected)
    {
        var error = await Should.ThrowAsync<ArgumentException>(() => HttpFixtureServer.StartAsync(o => o.ForHosts(name)));

        error.Message.ShouldContain(expected);
        error.ParamName.ShouldBe(nameof(HttpFixtureOptions.Hosts));
    }

    [Fact]
    public async Task Names_are_kept_lower_case_and_in_punycode()
    {
        await using var server = HttpFixtureServer.Start(o => o.ForHosts("API.GitHub.com", "bücher.example", "api.github.com."));

        server.Hosts.ShouldBe(["api.github.com", "xn--bcher-kva.example"]);
    }

    [Fact]
    public async Task The_forward_proxy_needs_names_and_http2_cleartext_does_not_mix_with_them()
    {
        var proxy = await Should.ThrowAsync<ArgumentException>(() => HttpFixtureServer.StartAsync(o => o.EnableForwardProxy = true));
        var h2c = await Should.ThrowAsync<ArgumentException>(() => HttpFixtureServer.StartAsync(o =>
        {
            o.Http2Cleartext = true;
            o.ForHosts("api.github.com");
        }));

        proxy.Message.ShouldContain("EnableForwardProxy lets through only the names given to ForHosts");
        h2c.Message.ShouldContain("Http2Cleartext cannot be combined with ForHosts");
    }

    [Fact]
    public async Task A_certificate_of_your_own_must_cover_the_routed_names()
    {
        using var certificate = CertificateFor("api.github.com");

        var error = await Should.ThrowAsync<ArgumentException>(() => HttpFixtureServer.StartAsync(o => o.UseHttps(certificate).ForHosts("api.github.com", "*.example.com")));
        await using var covered = await HttpFixtureServer.StartAsync(o => o.UseHttps(certificate).ForHosts("api.github.com"));

        error.Message.ShouldContain("does not cover *.example.com");
        covered.Certificate.ShouldBeSameAs(certificate);
    }

    private static X509Certificate2 CertificateFor(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(name);
        request.CertificateExtensions.Add(names.Build());
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        if (!OperatingSystem.IsWindows())
        {
            return certificate;
        }

        using (certificate)
        {
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        }
    }
}
