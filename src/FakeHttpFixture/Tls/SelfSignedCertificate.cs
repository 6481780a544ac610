using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FakeHttpFixture;

/// <summary>Makes the in-memory ECDSA P-256 certificates of the fixture: a server's for 127.0.0.1, ::1, localhost and the routed names, and client certificates for mutual TLS.</summary>
internal static class SelfSignedCertificate
{
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    // A fresh key per server keeps certificates apart for pinning; it is a small part of an HTTPS start (docs/benchmarks.md).
    // The routed names (ForHosts), wildcards included, are added so outside clients that check names (curl, Python) accept them too.
    public static X509Certificate2 CreateServer(IEnumerable<string>? hostNames = null)
    {
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        names.AddDnsName("localhost");
        foreach (var name in hostNames ?? [])
        {
            names.AddDnsName(name);
        }

        return Create("CN=FakeHttpFixture", ServerAuthentication, names.Build());
    }

    public static X509Certificate2 CreateClient(string subjectName) => Create(subjectName, ClientAuthentication, null);

    private static X509Certificate2 Create(string subjectName, string usage, X509Extension? subjectAlternativeNames)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subjectName, key, HashAlgorithmName.SHA256);
        if (subjectAlternativeNames is not null)
        {
            request.CertificateExtensions.Add(subjectAlternativeNames);
        }

        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(7));
        if (!OperatingSystem.IsWindows())
        {
            // SslStream on Linux and macOS takes the ephemeral key as it is, which spares the start the PKCS#12 round trip below.
            return certificate;
        }

        // Windows' TLS stack (SChannel) refuses ephemeral keys, so the key goes through PKCS#12 there.
        using (certificate)
        {
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        }
    }
}
