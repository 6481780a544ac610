using FakeHttpFixture.Tests.Tls;

namespace FakeHttpFixture.Tests.Hosting;

/// <summary>What an options extension method (or a test) reads back from the options: their read-only state follows each call.</summary>
public sealed class OptionsStateTests
{
    [Fact]
    public void Fresh_options_speak_plain_http_to_no_upstream_for_no_names()
    {
        var options = new HttpFixtureOptions();

        options.IsHttps.ShouldBeFalse();
        options.HttpsCertificate.ShouldBeNull();
        options.Upstream.ShouldBeNull();
        options.ReplayHarFiles.ShouldBeEmpty();
        options.Hosts.ShouldBeEmpty();
    }

    [Fact]
    public void Each_call_shows_in_the_state_it_sets()
    {
        using var certificate = TestCertificates.IssuedByPrivateCa("CN=localhost", out var ca);
        using var _ = ca;
        var options = new HttpFixtureOptions();

        options.UseHttps(certificate).ProxyTo(new Uri("http://upstream.test:8080/")).ReplayHar("first.har").ReplayHar("second.har").ForHosts("api.example.test", "*.cdn.example.test");

        options.IsHttps.ShouldBeTrue();
        options.HttpsCertificate.ShouldBeSameAs(certificate);
        options.Upstream.ShouldBe(new Uri("http://upstream.test:8080/"));
        options.ReplayHarFiles.ShouldBe(["first.har", "second.har"]);
        options.Hosts.ShouldBe(["api.example.test", "*.cdn.example.test"]);
    }

    [Fact]
    public void UseHttps_without_a_certificate_speaks_https_with_one_the_server_makes()
    {
        var options = new HttpFixtureOptions().UseHttps();

        options.IsHttps.ShouldBeTrue();
        options.HttpsCertificate.ShouldBeNull();
    }
}
