using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace FakeHttpFixture;

/// <summary>
/// The one client a proxying server forwards with, made at start and disposed with the server: connections to the upstream are
/// kept alive between requests; redirects are not followed and bodies not decompressed, so the client gets what the upstream sent.
/// </summary>
internal static class UpstreamClient
{
    /// <param name="timeout">How long connecting may take (<c>HttpFixtureOptions.UpstreamTimeout</c>).</param>
    /// <param name="trusted">A certificate trusted besides the system's roots, or null.</param>
    public static HttpMessageInvoker Create(TimeSpan timeout, X509Certificate2? trusted)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ConnectTimeout = timeout,

            // Header values pass as UTF-8 both ways (a filename="café.pdf" is common); the server sends them back as UTF-8 too.
            RequestHeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8,
            ResponseHeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8,
        };
        if (trusted is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, chain, errors) => Trusts(trusted, certificate, chain, errors);
        }

        return new HttpMessageInvoker(handler, disposeHandler: true);
    }

    // The system's trust first; then the one certificate the test gave, as a root (or as the very certificate the upstream shows).
    // A name that does not match the certificate is refused either way.
    private static bool Trusts(X509Certificate2 trusted, X509Certificate? presented, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || presented is null)
        {
            return false;
        }

        var shown = presented as X509Certificate2;
        using var loaded = shown is null ? X509CertificateLoader.LoadCertificate(presented.GetRawCertData()) : null;
        shown ??= loaded!;
        if (shown.RawDataMemory.Span.SequenceEqual(trusted.RawDataMemory.Span))
        {
            return true;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.CustomTrustStore.Add(trusted);
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return custom.Build(shown);
    }
}
