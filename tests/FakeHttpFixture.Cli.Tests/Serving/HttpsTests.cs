using FakeHttpFixture.Cli.Tests.Support;

namespace FakeHttpFixture.Cli.Tests.Serving;

/// <summary>--https serves TLS with a certificate whose PEM file fakehttp names, so curl can trust exactly it.</summary>
public sealed class HttpsTests
{
    [Fact]
    public async Task Https_prints_the_certificate_pem_that_curl_trusts_and_removes_it_on_exit()
    {
        using var dir = new TempDirectory();
        dir.Write("secure.txt", "over tls");
        await using var fakehttp = await FakehttpProcess.ServeAsync(dir.Path, "--port", "0", "--https");
        fakehttp.BaseAddress!.Scheme.ShouldBe("https");

        var certificateLine = await fakehttp.WaitForLineAsync("Certificate (PEM): ");
        var pem = certificateLine["Certificate (PEM): ".Length..certificateLine.IndexOf(" — ", StringComparison.Ordinal)];
        File.ReadAllText(pem).ShouldStartWith("-----BEGIN CERTIFICATE-----");
        var (exit, body, error) = await ExternalProcess.RunAsync("curl", "-sS", "--fail", "--cacert", pem, new Uri(fakehttp.BaseAddress, "secure.txt").ToString());

        exit.ShouldBe(0, error);
        body.ShouldBe("over tls");
        await fakehttp.SignalAsync("TERM");
        (await fakehttp.WaitForExitAsync()).ShouldBe(0);
        File.Exists(pem).ShouldBeFalse("the PEM of a certificate that died with the server should not be left behind");
    }
}
