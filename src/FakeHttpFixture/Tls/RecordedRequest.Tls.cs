namespace FakeHttpFixture;

/// <content>TLS: the client certificate of a mutual-TLS connection.</content>
public sealed partial class RecordedRequest
{
    /// <summary>Gets the subject of the certificate the client presented, such as "CN=alice"; <see langword="null"/> when it presented none.</summary>
    public string? ClientCertificateSubject { get; internal init; }

    /// <summary>Gets the SHA-1 thumbprint of the certificate the client presented, as <see cref="System.Security.Cryptography.X509Certificates.X509Certificate2.Thumbprint"/> gives it; <see langword="null"/> when it presented none.</summary>
    public string? ClientCertificateThumbprint { get; internal init; }
}
