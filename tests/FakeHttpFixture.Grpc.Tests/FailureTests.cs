using FakeHttpFixture.Grpc.Tests.Protos;
using FakeHttpFixture.Grpc.Tests.Support;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client.Configuration;
using GrpcStatusCode = Grpc.Core.StatusCode;

namespace FakeHttpFixture.Grpc.Tests;

public sealed class FailureTests
{
    private const string SayHello = "fake.test.Greeter/SayHello";

    [Theory]
    [MemberData(nameof(GrpcTransport.All), MemberType = typeof(GrpcTransport))]
    public async Task Fail_ends_the_call_with_the_status_and_detail(string transport)
    {
        await using var server = await GrpcTransport.StartAsync(transport);
        server.StubGrpc<HelloRequest, HelloReply>(SayHello).Fail(GrpcStatusCode.PermissionDenied, "no hellos for you: 100% sure ✓");
        using var channel = GrpcTransport.Channel(server);

        var error = await Should.ThrowAsync<RpcException>(() => new Greeter.GreeterClient(channel).SayHelloAsync(new HelloRequest(), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        error.StatusCode.ShouldBe(GrpcStatusCode.PermissionDenied);
        error.Status.Detail.ShouldBe("no hellos for you: 100% sure ✓");
        server.Requests.ShouldHaveSingleItem().GrpcStatus().ShouldBe(GrpcStatusCode.PermissionDenied);
    }

    [Theory]
    [MemberData(nameof(GrpcTransport.All), MemberType = typeof(GrpcTransport))]
    public async Task Rich_error_details_reach_the_client_through_grpc_status_details_bin(string transport)
    {
        await using var server = await GrpcTransport.StartAsync(transport);
        server.StubGrpc<HelloRequest, HelloReply>(SayHello).Fail(new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = "name is required",
            Details = { Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = "name", Description = "empty" } } }) },
        });
        using var channel = GrpcTransport.Channel(server);

        var error = await Should.ThrowAsync<RpcException>(() => new Greeter.GreeterClient(channel).SayHelloAsync(new HelloRequest(), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        error.StatusCode.ShouldBe(GrpcStatusCode.InvalidArgument);
        var status = error.GetRpcStatus().ShouldNotBeNull();
        status.Message.ShouldBe("name is required");
        var violation = status.GetDetail<BadRequest>().ShouldNotBeNull().FieldViolations.ShouldHaveSingleItem();
        violation.Field.ShouldBe("name");
        violation.Description.ShouldBe("empty");
    }

    [Theory]
    [MemberData(nameof(GrpcTransport.All), MemberType = typeof(GrpcTransport))]
    public async Task Delay_longer_than_the_client_deadline_ends_with_DeadlineExceeded(string transport)
    {
        await using var server = await GrpcTransport.StartAsync(transport);
        server.StubGrpc<HelloRequest, HelloReply>(SayHello).Respond(new HelloReply()).WithDelay(TimeSpan.FromMinutes(5));
        using var channel = GrpcTransport.Channel(server);

        var error = await Should.ThrowAsync<RpcException>(() => new Greeter.GreeterClient(channel)
            .SayHelloAsync(new HelloRequest(), deadline: DateTime.UtcNow.AddMilliseconds(300), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        error.StatusCode.ShouldBe(GrpcStatusCode.DeadlineExceeded);
        var recorded = await server.WaitForCompletionAsync(server.Requests.ShouldHaveSingleItem(), cancellationToken: TestContext.Current.CancellationToken);
        recorded.Header("grpc-timeout").ShouldNotBeNull();
    }

    [Fact]
    public async Task Resource_exhausted_with_retry_pushback_is_retried_by_the_client_retry_policy()
    {
        await using var server = await GrpcTransport.StartAsync("h2c");
        server.StubGrpc<HelloRequest, HelloReply>(SayHello)
            .Fail(GrpcStatusCode.ResourceExhausted, "slow down").WithRetryPushback(TimeSpan.FromMilliseconds(50))
            .Respond(new HelloReply { Message = "done" });
        var retry = new MethodConfig
        {
            Names = { MethodName.Default },
            RetryPolicy = new RetryPolicy
            {
                MaxAttempts = 3,
                InitialBackoff = TimeSpan.FromSeconds(30), // Only the pushback can make the retry come this soon.
                MaxBackoff = TimeSpan.FromSeconds(30),
                BackoffMultiplier = 1,
                RetryableStatusCodes = { GrpcStatusCode.ResourceExhausted },
            },
        };
        using var channel = GrpcTransport.Channel(server, new ServiceConfig { MethodConfigs = { retry } });

        var reply = await new Greeter.GreeterClient(channel).SayHelloAsync(new HelloRequest { Name = "Ada" }, cancellationToken: TestContext.Current.CancellationToken);

        reply.Message.ShouldBe("done");
        var calls = server.Requests;
        calls.Count.ShouldBe(2);
        calls[0].GrpcStatus().ShouldBe(GrpcStatusCode.ResourceExhausted);
        calls[1].Header("grpc-previous-rpc-attempts").ShouldBe("1");
        calls[1].GrpcMessage<HelloRequest>().Name.ShouldBe("Ada");
    }

    [Theory]
    [MemberData(nameof(GrpcTransport.All), MemberType = typeof(GrpcTransport))]
    public async Task Stream_broken_after_two_messages_gives_the_client_two_then_an_error(string transport)
    {
        await using var server = await GrpcTransport.StartAsync(transport);
        server.StubGrpc<HelloRequest, HelloReply>("fake.test.Greeter/StreamHellos")
            .RespondStream(new HelloReply { Message = "one" }, new HelloReply { Message = "two" }, new HelloReply { Message = "three" })
            .BreakAfter(2);
        using var channel = GrpcTransport.Channel(server);

        using var call = new Greeter.GreeterClient(channel).StreamHellos(new HelloRequest(), cancellationToken: TestContext.Current.CancellationToken);
        var received = new List<string>();
        var error = await Should.ThrowAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(TestContext.Current.CancellationToken))
            {
                received.Add(call.ResponseStream.Current.Message);
            }
        });

        received.ShouldBe(["one", "two"]);
        error.StatusCode.ShouldBe(GrpcStatusCode.Cancelled, error.ToString());
        var recorded = await server.WaitForCompletionAsync(server.Requests.ShouldHaveSingleItem(), cancellationToken: TestContext.Current.CancellationToken);
        recorded.GrpcStatus().ShouldBeNull();
        recorded.GrpcJson().ShouldContain("(no status: broken off or still running)");
    }

    [Fact]
    public async Task Stub_that_throws_ends_the_call_with_Unknown_and_fails_Verify()
    {
        await using var server = await GrpcTransport.StartAsync("h2c");
        server.StubGrpc<HelloRequest, HelloReply>(SayHello).Respond(r => throw new InvalidOperationException("the test's bug"));
        using var channel = GrpcTransport.Channel(server);

        var error = await Should.ThrowAsync<RpcException>(() => new Greeter.GreeterClient(channel).SayHelloAsync(new HelloRequest(), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        error.StatusCode.ShouldBe(GrpcStatusCode.Unknown);
        Should.Throw<Exception>(server.Verify).Message.ShouldContain("the test's bug");
    }

    [Fact]
    public async Task Custom_trailer_reaches_the_client()
    {
        await using var server = await GrpcTransport.StartAsync("h2c");
        server.StubGrpc<HelloRequest, HelloReply>(SayHello).Respond(new HelloReply()).WithTrailer("x-request-cost", "7");
        using var channel = GrpcTransport.Channel(server);

        using var call = new Greeter.GreeterClient(channel).SayHelloAsync(new HelloRequest(), cancellationToken: TestContext.Current.CancellationToken);
        await call.ResponseAsync;

        call.GetTrailers().GetValue("x-request-cost").ShouldBe("7");
    }
}
