using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace FakeHttpFixture.Benchmarks.Peers;

/// <summary>WireMock.Net set up to do the same work: the 1 KiB file as a stub, an empty 200 for uploads, its request log on (its default).</summary>
internal static class WireMockPeer
{
    public static WireMockServer Start(string? directoryFile = null, int? port = null, bool tls = false)
    {
        var server = tls || port is not null
            ? WireMockServer.Start(new WireMockServerSettings
            {
                Port = port,
                UseSSL = tls,
                UseHttp2 = tls,
                CertificateSettings = tls ? new WireMockCertificateSettings { X509Certificate = TestCertificate.Create() } : null,
            })
            : WireMockServer.Start();
        server.Given(Request.Create().WithPath(Payload.FilePath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/octet-stream").WithBody(Payload.File));
        if (directoryFile is not null)
        {
            // cache: false reads the file on every request, as a server over a directory does.
            server.Given(Request.Create().WithPath("/dir" + Payload.FilePath).UsingGet())
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/octet-stream").WithBodyFromFile(directoryFile, cache: false));
        }

        server.Given(Request.Create().WithPath(Payload.UploadPath).UsingMethod("POST", "PUT"))
            .RespondWith(Response.Create().WithStatusCode(200));
        return server;
    }

    // WireMock reports "localhost"; the other peers are reached on 127.0.0.1, so WireMock is too (no IPv6 attempt first).
    public static Uri BaseAddress(this WireMockServer server) => new UriBuilder(server.Url!) { Host = "127.0.0.1", Path = "/" }.Uri;
}
