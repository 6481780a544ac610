namespace FakeHttpFixture;

/// <summary>Names the ways the upstream of <see cref="HttpFixtureOptions.ProxyTo(Uri)"/> failed a request; <see cref="RecordedRequest.UpstreamFailure"/> reports it.</summary>
public enum UpstreamFailure
{
    /// <summary>The upstream answered, or the request was not proxied.</summary>
    None,

    /// <summary>The upstream refused the connection: nothing listens at its address and port.</summary>
    ConnectionRefused,

    /// <summary>The upstream reset or closed the connection before its response was whole.</summary>
    ConnectionReset,

    /// <summary>The upstream did not connect, answer or send more of its body within <see cref="HttpFixtureOptions.UpstreamTimeout"/>.</summary>
    TimedOut,

    /// <summary>The upstream's host name could not be resolved.</summary>
    HostNotFound,

    /// <summary>The TLS handshake with the upstream failed, for example because its certificate is not trusted (<see cref="HttpFixtureOptions.TrustedUpstreamCertificate"/>).</summary>
    TlsFailed,

    /// <summary>The upstream answered with something that is not valid HTTP.</summary>
    InvalidResponse,

    /// <summary>The request could not be forwarded for another reason; the 502's body says which.</summary>
    Other,
}
