using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FakeHttpFixture.Benchmarks.Peers;

/// <summary>A self-signed certificate for 127.0.0.1, so raw Kestrel can speak HTTP/2 over TLS (ALPN) to h2load.</summary>
internal static class TestCertificate
{
    public static X509Certificate2 Create()
    {
        // RSA, not ECDSA: WireMock.Net serializes its settings and reads the legacy PrivateKey property, which only RSA/DSA support.
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}
