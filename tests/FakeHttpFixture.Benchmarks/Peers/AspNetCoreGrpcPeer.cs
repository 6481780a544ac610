using System.Net;
using FakeHttpFixture.Benchmarks.Grpc;
using FakeHttpFixture.Benchmarks.Scenarios;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FakeHttpFixture.Benchmarks.Peers;

/// <summary>
/// A real gRPC service, as an app hosts one: Grpc.AspNetCore's server (AddGrpc, MapGrpcService) on Kestrel over cleartext
/// HTTP/2, with no logging. Grpc.AspNetCore needs a host's DI and endpoint routing, so this is the slim builder rather than the
/// bare KestrelServer of <see cref="RawKestrel"/>: the least a gRPC service runs on.
/// </summary>
internal sealed class AspNetCoreGrpcPeer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AspNetCoreGrpcPeer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<AspNetCoreGrpcPeer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<FixedGreeter>();
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new AspNetCoreGrpcPeer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Answers every SayHello with the reply the fake's stub sends.</summary>
    private sealed class FixedGreeter : Greeter.GreeterBase
    {
        public override Task<HelloReply> SayHello(HelloRequest request, ServerCallContext context) => Task.FromResult(GrpcUnaryPayload.Reply);
    }
}
