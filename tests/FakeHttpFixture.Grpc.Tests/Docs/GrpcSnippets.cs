using FakeHttpFixture.Grpc.Tests.Protos;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
using StatusCode = Grpc.Core.StatusCode;

namespace FakeHttpFixture.Grpc.Tests.Docs;

/// <summary>The code of docs/grpc.md, run as tests so the page cannot drift from the API.</summary>
public sealed class GrpcSnippets
{
    [Fact]
    public async Task A_unary_call()
    {
        await using var server = await HttpFixtureServer.StartAsync(o => o.Http2Cleartext = true);
        server.StubGrpc<HelloRequest, HelloReply>("fake.test.Greeter/SayHello")
            .Respond(r => new HelloReply { Message = $"Hello {r.Name}" });
        using var channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });
        var client = new Greeter.GreeterClient(channel);

        var reply = await client.SayHelloAsync(new HelloRequest { Name = "Ada" });   // the code under test

        reply.Message.ShouldBe("Hello Ada");
        server.Requests.Single().GrpcMessage<HelloRequest>().Name.ShouldBe("Ada");
    }

    [Fact]
    public async Task Over_TLS()
    {
        await using var server = await HttpFixtureServer.StartAsync(o => o.UseHttps());
        server.StubGrpc<HelloRequest, HelloReply>("fake.test.Greeter/SayHello").Respond(new HelloReply { Message = "Hi" });
        using var channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });

        (await new Greeter.GreeterClient(channel).SayHelloAsync(new HelloRequest())).Message.ShouldBe("Hi");
    }

    [Fact]
    public async Task Streams()
    {
        await using var server = await HttpFixtureServer.StartAsync(o => o.Http2Cleartext = true);
        using var channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });
        var client = new Greeter.GreeterClient(channel);

        // Server streaming: these messages in order, then OK.
        server.StubGrpc<HelloRequest, HelloReply>("fake.test.Greeter/StreamHellos")
            .RespondStream(new HelloReply { Message = "one" }, new HelloReply { Message = "two" });

        // Client streaming: one reply made from every message the client sent.
        server.StubGrpc<HelloRequest, HelloReply>("fake.test.Greeter/CollectHellos")
            .RespondToStream(all => new HelloReply { Message = string.Join(",", all.Select(r => r.Name)) });

        // Bidirectional: a reply to each message as it arrives.
        server.StubGrpc<HelloRequest, HelloReply>("fake.test.Greeter/Chat")
            .ReplyToEach(r => new HelloReply { Message = $"hi {r.Name}" });

        using var upload = client.CollectHellos();
        await upload.RequestStream.WriteAsync(new HelloRequest { Name = "Ada" });
        await upload.RequestStream.WriteAsync(new HelloRequest { Name = "Grace" });
        await upload.RequestStream.CompleteAsync();
        (await upload.ResponseAsync).Message.ShouldBe("Ada,Grace");
        var recorded = server.Requests.Single(r => r.Path.EndsWith("/CollectHellos", StringComparison.Ordinal));
        recorded.GrpcMessages<HelloRequest>().Count.ShouldBe(2);

        using var stream = client.StreamHellos(new HelloRequest());
        (await StreamingCallTests.ReadAllAsync(stream.ResponseStream)).ShouldBe(["one", "two"]);
    }

    [Fact]
    public async Task Failures()
    {
        await using var server = await HttpFixtureServer.StartAsync(o => o.Http2Cleartext = true);
        using var channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });
        var client = new Greeter.GreeterClient(channel);

        // A status and its detail.
        server.StubGrpc<HelloRequest, HelloReply>("fake.test.Greeter/SayHello")
            .Fail(StatusCode.PermissionDenied, "not for you");

        // A rich error: google.rpc.Status with details, in grpc-status-details-bin.
        server.StubGrpc<HelloRequest, HelloReply>("fake.test.Greeter/SayHello")
            .Where(r => r.Name == "")
            .Fail(new Google.Rpc.Status
            {
                Code = (int)Code.InvalidArgument,
                Message = "name is required",
                Details = { Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = "name" } } }) },
            });

        var denied = await Should.ThrowAsync<RpcException>(() => client.SayHelloAsync(new HelloRequest { Name = "Ada" }).ResponseAsync);
        denied.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        var invalid = await Should.ThrowAsync<RpcException>(() => client.SayHelloAsync(new HelloRequest()).ResponseAsync);
        invalid.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations[0].Field.ShouldBe("name");   // Grpc.StatusProto
    }

    [Fact]
    public async Task Timing_and_broken_streams()
    {
        await using var server = await HttpFixtureServer.StartAsync(o => o.Http2Cleartext = true);
        using var channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });
        var client = new Greeter.GreeterClient(channel);

        // Slower than the client's deadline: the call ends with DeadlineExceeded.
        server.StubGrpc<HelloRequest, HelloReply>("fake.test.Greeter/SayHello")
            .Respond(new HelloReply()).WithDelay(TimeSpan.FromMinutes(1));

        // Two messages of three, then the stream ends without a status.
        server.StubGrpc<HelloRequest, HelloReply>("fake.test.Greeter/StreamHellos")
            .RespondStream(new HelloReply { Message = "1" }, new HelloReply { Message = "2" }, new HelloReply { Message = "3" })
            .BreakAfter(2);

        var late = await Should.ThrowAsync<RpcException>(() => client.SayHelloAsync(new HelloRequest(), deadline: DateTime.UtcNow.AddMilliseconds(200)).ResponseAsync);
        late.StatusCode.ShouldBe(StatusCode.DeadlineExceeded);
    }

    [Fact]
    public async Task Retry_pushback()
    {
        await using var server = await HttpFixtureServer.StartAsync(o => o.Http2Cleartext = true);
        server.StubGrpc<HelloRequest, HelloReply>("fake.test.Greeter/SayHello")
            .Fail(StatusCode.ResourceExhausted, "slow down").WithRetryPushback(TimeSpan.FromMilliseconds(100))
            .Respond(new HelloReply { Message = "done" });
        var retry = new MethodConfig
        {
            Names = { MethodName.Default },
            RetryPolicy = new RetryPolicy
            {
                MaxAttempts = 3,
                InitialBackoff = TimeSpan.FromSeconds(1),
                MaxBackoff = TimeSpan.FromSeconds(1),
                BackoffMultiplier = 1,
                RetryableStatusCodes = { StatusCode.ResourceExhausted },
            },
        };
        using var channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = server.CreateHandler(),
            ServiceConfig = new ServiceConfig { MethodConfigs = { retry } },
        });

        var reply = await new Greeter.GreeterClient(channel).SayHelloAsync(new HelloRequest());

        reply.Message.ShouldBe("done");
        server.Requests.Select(r => r.GrpcStatus()).ShouldBe([StatusCode.ResourceExhausted, StatusCode.OK]);
    }

    [Fact]
    public async Task Matching_and_the_miss_report()
    {
        await using var server = await HttpFixtureServer.StartAsync(o =>
        {
            o.Http2Cleartext = true;
            o.Strict = true;
        });
        server.StubGrpc<HelloRequest, HelloReply>("fake.test.Greeter/SayHello")
            .Where(r => r.Name == "Ada")
            .Respond(new HelloReply { Message = "Hello Ada" });
        using var channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });

        var error = await Should.ThrowAsync<RpcException>(() => new Greeter.GreeterClient(channel).SayHelloAsync(new HelloRequest { Name = "Bob" }).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.Unimplemented);
        error.Status.Detail.ShouldBe("""
            gRPC call fake.test.Greeter/SayHello (request #1) matched none of its stubs.
              request: { "name": "Bob" }
              gRPC fake.test.Greeter/SayHello where r => r.Name == "Ada" → where r => r.Name == "Ada": false
            """.ReplaceLineEndings("\n"));
        Should.Throw<HttpFixtureVerificationException>(server.Verify);   // Strict: the miss fails the test too
    }

    [Fact]
    public async Task The_journal_as_JSON()
    {
        await using var server = await HttpFixtureServer.StartAsync(o => o.Http2Cleartext = true);
        server.StubGrpc<HelloRequest, HelloReply>("fake.test.Greeter/SayHello")
            .Respond(r => new HelloReply { Message = $"Hello {r.Name}" });
        using var channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });
        await new Greeter.GreeterClient(channel).SayHelloAsync(new HelloRequest { Name = "Ada", Times = 2 });

        var call = await server.WaitForCompletionAsync(server.Requests.Single());

        call.GrpcJson().ShouldBe("""
            gRPC fake.test.Greeter/SayHello OK
              → { "name": "Ada", "times": 2 }
              ← { "message": "Hello Ada" }
            """.ReplaceLineEndings("\n"));
    }
}
