using BenchmarkDotNet.Attributes;
using FakeHttpFixture.Benchmarks.Grpc;
using FakeHttpFixture.Benchmarks.Peers;
using Grpc.Net.Client;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>
/// Sequential unary gRPC calls over cleartext HTTP/2 through Grpc.Net.Client, one channel per peer: the fixture's
/// <c>StubGrpc(...).Respond(reply)</c> (which records every call) against a real Grpc.AspNetCore service on Kestrel answering
/// the same reply (<see cref="AspNetCoreGrpcPeer"/>). WireMock.Net's gRPC needs the .proto at run time and is not compared.
/// </summary>
[BenchmarkCategory(nameof(GrpcUnary))]
public class GrpcUnary
{
    private const int TrimEvery = 1024;
    private AspNetCoreGrpcPeer _service = null!;
    private HttpFixtureServer _fixture = null!;
    private GrpcChannel _serviceChannel = null!;
    private GrpcChannel _fixtureChannel = null!;
    private Greeter.GreeterClient _serviceClient = null!;
    private Greeter.GreeterClient _fixtureClient = null!;
    private int _calls;

    [GlobalSetup]
    public async Task StartAsync()
    {
        _service = await AspNetCoreGrpcPeer.StartAsync();
        _fixture = await HttpFixtureServer.StartAsync(o => o.Http2Cleartext = true);
        _fixture.StubGrpc<HelloRequest, HelloReply>(GrpcUnaryPayload.Method).Respond(GrpcUnaryPayload.Reply);
        _serviceChannel = GrpcChannel.ForAddress(_service.BaseAddress);
        _fixtureChannel = GrpcChannel.ForAddress(_fixture.BaseAddress, new GrpcChannelOptions { HttpHandler = _fixture.CreateHandler() });
        _serviceClient = new Greeter.GreeterClient(_serviceChannel);
        _fixtureClient = new Greeter.GreeterClient(_fixtureChannel);
    }

    [Benchmark(Baseline = true)]
    public async Task<int> Kestrel() => (await _serviceClient.SayHelloAsync(GrpcUnaryPayload.Request)).Message.Length;

    [Benchmark]
    public async Task<int> Fixture()
    {
        if (++_calls % TrimEvery == 0)
        {
            _fixture.ClearRequests();
        }

        return (await _fixtureClient.SayHelloAsync(GrpcUnaryPayload.Request)).Message.Length;
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        _serviceChannel.Dispose();
        _fixtureChannel.Dispose();
        await _service.DisposeAsync();
        await _fixture.DisposeAsync();
    }
}
