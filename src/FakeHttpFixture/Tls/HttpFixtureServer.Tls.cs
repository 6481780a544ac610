namespace FakeHttpFixture;

/// <content>TLS: the server's certificate for outside clients.</content>
public sealed partial class HttpFixtureServer
{
    /// <summary>Gets the server's certificate in PEM form, for clients that trust a PEM file (curl --cacert, Python's ssl, a browser); <see langword="null"/> without TLS.</summary>
    public string? CertificatePem => Certificate?.ExportCertificatePem();

    /// <summary>SaveCertificatePem writes the server's certificate to <paramref name="path"/> as PEM, for curl's --cacert or Python's ssl.</summary>
    /// <param name="path">The file to write; it is replaced if it exists.</param>
    /// <exception cref="InvalidOperationException">The server does not use TLS.</exception>
    public void SaveCertificatePem(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var pem = CertificatePem ?? throw new InvalidOperationException("The server speaks plain HTTP, so it has no certificate to save. Start it with options.UseHttps().");
        File.WriteAllText(path, pem);
    }
}
