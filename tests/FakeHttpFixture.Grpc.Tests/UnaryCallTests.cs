using FakeHttpFixture.Grpc.Tests.Protos;
using FakeHttpFixture.Grpc.Tests.Support;
using Grpc.Core;

namespace FakeHttpFixture.Grpc.Tests;

public sealed class UnaryCallTests
{
    private const string SayHello = "fake.test.Greeter/SayHello";

    [Theory]
    [MemberData(nameof(GrpcTransport.All), MemberType = typeof(GrpcTransport))]
    public async Task Unary_call_gets_the_stubbed_reply_through_the_generated_client(string transport)
    {
        await using var server = await GrpcTransport.StartAsync(transport);
        server.StubGrpc<HelloRequest, HelloReply>(SayHello).Respond(new HelloReply { Message = "Hello" });
        using var channel = GrpcTransport.Channel(server);

        var reply = await new Greeter.GreeterClient(channel).SayHelloAsync(new HelloRequest { Name = "Ada" }, cancellationToken: TestContext.Current.CancellationToken);

        reply.Message.ShouldBe("Hello");
    }

    [Theory]
    [MemberData(nameof(GrpcTransport.All), MemberType = typeof(GrpcTransport))]
    public async Task Reply_made_from_the_request_and_the_request_is_recorded_as_a_typed_message(string transport)
    {
        await using var server = await GrpcTransport.StartAsync(transport);
        server.StubGrpc<HelloRequest, HelloReply>(SayHello).Respond(r => new HelloReply { Message = $"Hello {r.Name} x{r.Times}" });
        using var channel = GrpcTransport.Channel(server);

        var reply = await new Greeter.GreeterClient(channel).SayHelloAsync(new HelloRequest { Name = "Ada", Times = 3 }, cancellationToken: TestContext.Current.CancellationToken);

        reply.Message.ShouldBe("Hello Ada x3");
        var recorded = server.Requests.ShouldHaveSingleItem();
        recorded.Path.ShouldBe("/" + SayHello);
        recorded.Protocol.ShouldBe("HTTP/2");
        recorded.AnsweringStage.ShouldBe("grpc");
        recorded.AnsweredBy.ShouldBe(ResponseSource.Extension);
        recorded.GrpcMessage<HelloRequest>().ShouldBe(new HelloRequest { Name = "Ada", Times = 3 });
        recorded.GrpcStatus().ShouldBe(StatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(GrpcTransport.All), MemberType = typeof(GrpcTransport))]
    public async Task Method_nothing_stubs_ends_with_Unimplemented_naming_it(string transport)
    {
        await using var server = await GrpcTransport.StartAsync(transport);
        server.StubGrpc<HelloRequest, HelloReply>("fake.test.Greeter/StreamHellos").RespondStream();
        using var channel = GrpcTransport.Channel(server);

        var error = await Should.ThrowAsync<RpcException>(() => new Greeter.GreeterClient(channel).SayHelloAsync(new HelloRequest(), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.Unimplemented);
        error.Status.Detail.ShouldContain($"Nothing stubs the gRPC method {SayHello}");
        error.Status.Detail.ShouldContain("Stubbed methods: fake.test.Greeter/StreamHellos");
        server.Verify(); // Not strict: an unstubbed call is the client's business.
    }

    [Fact]
    public async Task EnableGrpc_answers_Unimplemented_before_anything_is_stubbed()
    {
        await using var server = await GrpcTransport.StartAsync("h2c", o => o.EnableGrpc());
        using var channel = GrpcTransport.Channel(server);

        var error = await Should.ThrowAsync<RpcException>(() => new Greeter.GreeterClient(channel).SayHelloAsync(new HelloRequest(), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.Unimplemented);
        error.Status.Detail.ShouldContain("No gRPC method is stubbed.");
    }

    [Fact]
    public async Task Strict_server_fails_Verify_naming_the_unstubbed_method()
    {
        await using var server = await GrpcTransport.StartAsync("h2c", o => o.Strict = true);
        server.StubGrpc<HelloRequest, HelloReply>("fake.test.Greeter/StreamHellos").RespondStream();
        using var channel = GrpcTransport.Channel(server);

        var error = await Should.ThrowAsync<RpcException>(() => new Greeter.GreeterClient(channel).SayHelloAsync(new HelloRequest(), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.Unimplemented);
        var failure = Should.Throw<Exception>(server.Verify);
        failure.Message.ShouldContain($"Nothing stubs the gRPC method {SayHello}");
        server.Reset();
        server.Verify();
    }

    [Fact]
    public async Task Sequence_answers_in_order_then_repeats_the_last_answer()
    {
        await using var server = await GrpcTransport.StartAsync("h2c");
        server.StubGrpc<HelloRequest, HelloReply>(SayHello)
            .Fail(StatusCode.Unavailable, "warming up").Times(2)
            .Respond(new HelloReply { Message = "ready" });
        using var channel = GrpcTransport.Channel(server);
        var client = new Greeter.GreeterClient(channel);

        var statuses = new List<StatusCode>();
        for (var i = 0; i < 4; i++)
        {
            try
            {
                await client.SayHelloAsync(new HelloRequest(), cancellationToken: TestContext.Current.CancellationToken);
                statuses.Add(StatusCode.OK);
            }
            catch (RpcException ex)
            {
                statuses.Add(ex.StatusCode);
            }
        }

        statuses.ShouldBe([StatusCode.Unavailable, StatusCode.Unavailable, StatusCode.OK, StatusCode.OK]);
    }

    [Fact]
    public async Task Stub_added_later_wins_and_Reset_forgets_the_stubs()
    {
        await using var server = await GrpcTransport.StartAsync("h2c");
        server.StubGrpc<HelloRequest, HelloReply>(SayHello).Respond(new HelloReply { Message = "first" });
        server.StubGrpc<HelloRequest, HelloReply>(SayHello).Respond(new HelloReply { Message = "second" });
        using var channel = GrpcTransport.Channel(server);
        var client = new Greeter.GreeterClient(channel);

        (await client.SayHelloAsync(new HelloRequest(), cancellationToken: TestContext.Current.CancellationToken)).Message.ShouldBe("second");
        server.Reset();
        var error = await Should.ThrowAsync<RpcException>(() => client.SayHelloAsync(new HelloRequest(), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
        error.StatusCode.ShouldBe(StatusCode.Unimplemented);
    }

    [Fact]
    public async Task Method_name_that_is_not_Service_slash_Method_is_refused_with_what_to_give()
    {
        await using var server = await GrpcTransport.StartAsync("h2c");

        var error = Should.Throw<ArgumentException>(() => server.StubGrpc<HelloRequest, HelloReply>("SayHello"));

        error.Message.ShouldContain("\"package.Service/Method\"");
    }
}
