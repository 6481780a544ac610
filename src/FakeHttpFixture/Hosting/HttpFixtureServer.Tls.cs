using System.Security.Cryptography.X509Certificates;

namespace FakeHttpFixture;

/// <content>TLS: the server's certificate for outside clients, and clients that trust it or present their own.</content>
public sealed partial class HttpFixtureServer
{
    /// <summary>Gets the server's TLS certificate, or <see langword="null"/> when it speaks plain HTTP only (neither UseHttps nor ForHosts).</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>
    /// Gets the base64 SHA-256 hash of the certificate's SubjectPublicKeyInfo, the form Chromium's
    /// <c>--ignore-certificate-errors-spki-list</c> takes to trust exactly this certificate; <see langword="null"/> without a certificate.
    /// </summary>
    public string? CertificateSpkiHash => Certificate is { } certificate ? SpkiHash.Of(certificate) : null;

    /// <summary>Gets the server's certificate in PEM form, for clients that trust a PEM file (curl --cacert, Python's ssl, a browser); <see langword="null"/> without TLS.</summary>
    public string? CertificatePem => Certificate?.ExportCertificatePem();

    /// <summary>Writes the server's certificate to <paramref name="path"/> as PEM, for curl's --cacert or Python's ssl.</summary>
    /// <param name="path">The file to write; it is replaced if it exists.</param>
    /// <exception cref="InvalidOperationException">The server does not use TLS.</exception>
    public void SaveCertificatePem(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var pem = CertificatePem ?? throw new InvalidOperationException("The server speaks plain HTTP, so it has no certificate to save. Start it with options.UseHttps().");
        File.WriteAllText(path, pem);
    }

    /// <summary>
    /// Creates an <see cref="HttpClient"/> for this server that presents <paramref name="clientCertificate"/> in the TLS handshake,
    /// for servers started with <see cref="HttpFixtureOptions.ClientCertificates"/>. The caller should dispose it.
    /// </summary>
    /// <param name="clientCertificate">The client certificate, with its private key; <see cref="CreateClientCertificate"/> makes one.</param>
    /// <returns>The client.</returns>
    public HttpClient CreateClient(X509Certificate2 clientCertificate) =>
        new(CreateHandler(clientCertificate), disposeHandler: true) { BaseAddress = BaseAddress };

    /// <summary>Creates a handler for this server that presents <paramref name="clientCertificate"/> in the TLS handshake, for IHttpClientFactory, Refit or Flurl.</summary>
    /// <param name="clientCertificate">The client certificate, with its private key.</param>
    /// <returns>The handler.</returns>
    public HttpMessageHandler CreateHandler(X509Certificate2 clientCertificate)
    {
        ArgumentNullException.ThrowIfNull(clientCertificate);
        if (!clientCertificate.HasPrivateKey)
        {
            throw new ArgumentException("The client certificate has no private key, so the client cannot prove it owns it. Pass a certificate loaded with its key, such as one from HttpFixtureServer.CreateClientCertificate().", nameof(clientCertificate));
        }

        if (Certificate is null)
        {
            throw new InvalidOperationException("The server speaks plain HTTP, so a client certificate would never be sent. Start it with options.UseHttps().");
        }

        return CreateHandlerCore(clientCertificate);
    }

    /// <summary>
    /// Creates an in-memory client certificate (ECDSA P-256, valid for 7 days) for mutual-TLS tests, so a test needs no certificate
    /// files; pass it to <see cref="CreateClient(X509Certificate2)"/>. The caller should dispose it.
    /// </summary>
    /// <param name="subjectName">The subject, as an X.500 distinguished name such as "CN=alice".</param>
    /// <returns>The certificate, with its private key.</returns>
    public static X509Certificate2 CreateClientCertificate(string subjectName = "CN=FakeHttpFixture client")
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectName);
        return SelfSignedCertificate.CreateClient(subjectName);
    }

    private HttpMessageHandler CreateHandlerCore(X509Certificate2? clientCertificate) =>
        FixtureClientHandler.Create(Certificate, clientCertificate, Certificate is null ? _options.Http2Cleartext : _options.ClientPrefersHttp2, _routes);
}
