namespace FakeHttpFixture.Tests.Support;

/// <summary>A way a client reaches a fixture server; the fault theories run over each one where the fault applies.</summary>
public enum Transport
{
    /// <summary>HTTP/1.1 over plain TCP.</summary>
    Http11,

    /// <summary>HTTP/1.1 over TLS.</summary>
    Http11Tls,

    /// <summary>HTTP/2 over plain TCP, with prior knowledge (h2c).</summary>
    Http2,

    /// <summary>HTTP/2 over TLS, chosen by ALPN.</summary>
    Http2Tls,
}
