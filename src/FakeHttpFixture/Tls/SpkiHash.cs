using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FakeHttpFixture;

/// <summary>The base64 SHA-256 of a certificate's SubjectPublicKeyInfo, the form Chromium's --ignore-certificate-errors-spki-list and HPKP pins take.</summary>
internal static class SpkiHash
{
    public static string Of(X509Certificate2 certificate) =>
        Convert.ToBase64String(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));
}
