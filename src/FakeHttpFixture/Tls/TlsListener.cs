using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace FakeHttpFixture;

/// <summary>Sets up the protocols and TLS of the server's one endpoint.</summary>
internal static class TlsListener
{
    public static void Configure(ListenOptions listen, X509Certificate2? certificate, bool http2Cleartext, ClientCertificatePolicy clientCertificates, bool acceptCleartext = false)
    {
        if (certificate is null)
        {
            listen.Protocols = http2Cleartext ? HttpProtocols.Http2 : HttpProtocols.Http1;
            return;
        }

        listen.Protocols = HttpProtocols.Http1AndHttp2;
        var bypass = acceptCleartext ? new CleartextBypass() : null;
        if (bypass is not null)
        {
            listen.Use(bypass.Outer);
        }

        // This overload of UseHttps skips Kestrel's configuration-file and dev-certificate support, which needs a host.
        listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = certificate,
            ClientCertificateMode = clientCertificates switch
            {
                ClientCertificatePolicy.Allow => ClientCertificateMode.AllowCertificate,
                ClientCertificatePolicy.Require => ClientCertificateMode.RequireCertificate,
                _ => ClientCertificateMode.NoCertificate,
            },

            // A fixture records who connected rather than judging it: the test asserts the subject or thumbprint it expects.
            ClientCertificateValidation = static (_, _, _) => true,
        });
        if (bypass is not null)
        {
            listen.Use(bypass.Inner);
        }
    }
}
