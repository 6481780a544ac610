namespace FakeHttpFixture;

/// <summary>Says whether a TLS server asks its clients for a certificate (mutual TLS); <see cref="HttpFixtureOptions.ClientCertificates"/> sets it.</summary>
public enum ClientCertificatePolicy
{
    /// <summary>The server does not ask for a client certificate.</summary>
    None,

    /// <summary>The server asks for a client certificate and accepts connections without one.</summary>
    Allow,

    /// <summary>The server asks for a client certificate and refuses connections without one.</summary>
    Require,
}
