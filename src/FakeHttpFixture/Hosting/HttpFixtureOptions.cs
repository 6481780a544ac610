using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace FakeHttpFixture;

/// <summary>
/// HttpFixtureOptions configures a server before it starts: pass an <see cref="Action{T}"/> to
/// <see cref="HttpFixtureServer.Start(Action{HttpFixtureOptions}?)"/> or one of its overloads.
/// </summary>
public sealed partial class HttpFixtureOptions
{
    /// <summary>Gets or sets the status answered to a request that no stub or file answers and whose method is not GET or HEAD.</summary>
    /// <value>The default value is 200, with an empty body.</value>
    public int DefaultStatusCode { get; set; } = 200;

    /// <summary>
    /// Gets or sets the largest request body the server accepts, in bytes; a larger body is answered 413.
    /// Kestrel's own default of 30 MB would cut large test uploads, so there is no limit unless one is set.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: no limit.</value>
    public long? MaxRequestBodySize { get; set; }

    /// <summary>Gets or sets how long <see cref="HttpFixtureServer.DisposeAsync"/> lets in-flight requests finish before it aborts their connections.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets how long the waits of the journal, such as <see cref="HttpFixtureServer.WaitForRequestAsync"/>, wait when the caller gives no timeout.</summary>
    /// <value>The default value is 5 seconds.</value>
    public TimeSpan DefaultWaitTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets or sets the address the server listens on. Tests should keep the loopback default: any other address
    /// exposes the server to the network.
    /// </summary>
    /// <value>The default value is <see cref="IPAddress.Loopback"/> (127.0.0.1).</value>
    public IPAddress BindAddress { get; set; } = IPAddress.Loopback;

    /// <summary>Gets or sets the port to listen on; 0 lets the operating system pick a free one, which parallel tests need.</summary>
    /// <value>The default value is 0: an ephemeral port.</value>
    public int Port { get; set; }

    /// <summary>
    /// Gets or sets a callback run once a response has been sent in full, with the request's status and sizes known;
    /// the command-line server prints its live log from it. It runs on the server's thread: keep it short, and it must not throw.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Action<RecordedRequest>? OnRequestCompleted { get; set; }

    /// <summary>Gets the certificate set by <see cref="UseHttps"/>, or <see langword="null"/> when the server speaks plain HTTP or makes its own certificate.</summary>
    public X509Certificate2? HttpsCertificate { get; private set; }

    /// <summary>Gets a value indicating whether the server speaks HTTPS, as set by <see cref="UseHttps"/>.</summary>
    public bool IsHttps { get; private set; }

    /// <summary>
    /// UseHttps makes the server speak TLS. Without a certificate the server uses a self-signed one for
    /// 127.0.0.1, ::1 and localhost, made in memory, which the clients from <see cref="HttpFixtureServer.CreateClient()"/> trust.
    /// </summary>
    /// <param name="certificate">The certificate to serve, with its private key; <see langword="null"/> for a self-signed one.</param>
    /// <returns>These options, for chaining.</returns>
    public HttpFixtureOptions UseHttps(X509Certificate2? certificate = null)
    {
        if (certificate is not null && !certificate.HasPrivateKey)
        {
            throw new ArgumentException("The certificate has no private key, so the server cannot use it for TLS. Pass a certificate loaded with its key (for example from a PFX or a PEM pair).", nameof(certificate));
        }

        IsHttps = true;
        HttpsCertificate = certificate;
        return this;
    }

    internal void Validate()
    {
        if (DefaultStatusCode is < 100 or > 999)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultStatusCode), DefaultStatusCode, "DefaultStatusCode must be an HTTP status code between 100 and 999.");
        }

        ArgumentNullException.ThrowIfNull(BindAddress);
        if (Port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "Port must be between 0 (an ephemeral port) and 65535.");
        }

        if (MaxRequestBodySize is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRequestBodySize), MaxRequestBodySize, "MaxRequestBodySize must be zero or more, or null for no limit.");
        }

        if (ShutdownTimeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ShutdownTimeout), ShutdownTimeout, "ShutdownTimeout must not be negative.");
        }

        if (DefaultWaitTimeout <= TimeSpan.Zero && DefaultWaitTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(DefaultWaitTimeout), DefaultWaitTimeout, "DefaultWaitTimeout must be positive, or Timeout.InfiniteTimeSpan.");
        }
    }
}
