using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace FakeHttpFixture;

/// <content>TLS and HTTP/2: cleartext HTTP/2, the protocol the fixture's clients prefer, and client certificates.</content>
public sealed partial class HttpFixtureOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether the plain-HTTP server speaks HTTP/2 with prior knowledge (h2c) instead of HTTP/1.1.
    /// Kestrel cannot serve both on one cleartext port (it has no upgrade and no preface sniffing there), so HTTP/1.1
    /// clients are refused; the clients of <see cref="HttpFixtureServer.CreateClient()"/> send HTTP/2 on their own.
    /// With <see cref="UseHttps"/> this is not needed: HTTP/2 and HTTP/1.1 are negotiated by ALPN.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: plain HTTP is HTTP/1.1.</value>
    public bool Http2Cleartext { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the clients of <see cref="HttpFixtureServer.CreateClient()"/> and
    /// <see cref="HttpFixtureServer.CreateHandler()"/> ask for HTTP/2 over TLS, falling back to HTTP/1.1 only if ALPN says so;
    /// .NET's HttpClient otherwise sends HTTP/1.1 even to a server that speaks HTTP/2.
    /// A request that pins its version (any version other than 1.1, or a policy other than RequestVersionOrLower) keeps it.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: HttpClient's own default, HTTP/1.1.</value>
    public bool ClientPrefersHttp2 { get; set; }

    /// <summary>
    /// Gets or sets whether the TLS server asks clients for a certificate (mutual TLS):
    /// <see cref="ClientCertificateMode.AllowCertificate"/> asks and accepts connections without one,
    /// <see cref="ClientCertificateMode.RequireCertificate"/> refuses them. Any certificate a client presents is accepted,
    /// so a test can check which one arrived: <see cref="RecordedRequest.ClientCertificateSubject"/> and
    /// <see cref="RecordedRequest.ClientCertificateThumbprint"/>. Needs <see cref="UseHttps"/>.
    /// </summary>
    /// <value>The default value is <see cref="ClientCertificateMode.NoCertificate"/>.</value>
    public ClientCertificateMode ClientCertificates { get; set; } = ClientCertificateMode.NoCertificate;

    internal void ValidateTls()
    {
        if (Http2Cleartext && IsHttps)
        {
            throw new ArgumentException("Http2Cleartext is for plain HTTP; with UseHttps() the server already speaks HTTP/2 through ALPN. Remove one of the two options.", nameof(Http2Cleartext));
        }

        if (ClientCertificates != ClientCertificateMode.NoCertificate && !IsHttps)
        {
            throw new ArgumentException("ClientCertificates needs TLS: call options.UseHttps() as well, or leave ClientCertificates at NoCertificate.", nameof(ClientCertificates));
        }

        if (ClientCertificates is not (ClientCertificateMode.NoCertificate or ClientCertificateMode.AllowCertificate or ClientCertificateMode.RequireCertificate))
        {
            throw new ArgumentOutOfRangeException(nameof(ClientCertificates), ClientCertificates, "ClientCertificates must be NoCertificate, AllowCertificate or RequireCertificate; the fixture does not renegotiate for a delayed certificate.");
        }
    }
}
