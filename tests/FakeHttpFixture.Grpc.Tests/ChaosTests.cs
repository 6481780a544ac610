using FakeHttpFixture.Grpc.Tests.Protos;
using FakeHttpFixture.Grpc.Tests.Support;
using Grpc.Core;
using Grpc.Net.Client.Configuration;

namespace FakeHttpFixture.Grpc.Tests;

/// <summary>
/// The core's server-wide chaos rules run before any stub, so they reach gRPC calls too, with HTTP answers: the client maps an
/// HTTP status to a gRPC one (503 is Unavailable, by gRPC's HTTP-to-status table), which its retry policy can retry.
/// </summary>
public sealed class ChaosTests
{
    [Theory]
    [MemberData(nameof(GrpcTransport.All), MemberType = typeof(GrpcTransport))]
    public async Task Server_wide_chaos_fails_a_call_as_Unavailable_and_the_client_retry_policy_recovers(string transport)
    {
        await using var server = await GrpcTransport.StartAsync(transport, o => o.AddChaos(Chaos.Burst(first: 1, count: 1).Respond(503)));
        server.StubGrpc<HelloRequest, HelloReply>("fake.test.Greeter/SayHello").Respond(new HelloReply { Message = "ok" });
        var retry = new MethodConfig
        {
            Names = { MethodName.Default },
            RetryPolicy = new RetryPolicy
            {
                MaxAttempts = 2,
                InitialBackoff = TimeSpan.FromMilliseconds(10),
                MaxBackoff = TimeSpan.FromMilliseconds(10),
                BackoffMultiplier = 1,
                RetryableStatusCodes = { StatusCode.Unavailable },
            },
        };
        using var channel = GrpcTransport.Channel(server, new ServiceConfig { MethodConfigs = { retry } });

        var reply = await new Greeter.GreeterClient(channel).SayHelloAsync(new HelloRequest(), cancellationToken: TestContext.Current.CancellationToken);

        reply.Message.ShouldBe("ok");
        var calls = server.Requests;
        calls.Count.ShouldBe(2);
        calls[0].StatusCode.ShouldBe(503);
        calls[0].ChaosRule.ShouldNotBeNull();
        calls[1].AnsweringStage.ShouldBe("grpc");
        calls[1].GrpcStatus().ShouldBe(StatusCode.OK);
    }
}
