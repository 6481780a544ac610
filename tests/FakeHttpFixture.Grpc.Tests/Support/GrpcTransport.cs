using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;

namespace FakeHttpFixture.Grpc.Tests.Support;

/// <summary>The two ways gRPC reaches the fixture: cleartext HTTP/2 (h2c, prior knowledge) and HTTP/2 over TLS.</summary>
internal static class GrpcTransport
{
    public static TheoryData<string> All => new() { "h2c", "tls" };

    public static Task<HttpFixtureServer> StartAsync(string transport, Action<HttpFixtureOptions>? configure = null) =>
        HttpFixtureServer.StartAsync(options =>
        {
            if (transport == "tls")
            {
                options.UseHttps();
            }
            else
            {
                options.Http2Cleartext = true;
            }

            configure?.Invoke(options);
        }, TestContext.Current.CancellationToken);

    public static GrpcChannel Channel(HttpFixtureServer server, ServiceConfig? serviceConfig = null) =>
        GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = server.CreateHandler(),
            ServiceConfig = serviceConfig,
        });
}
