using FakeHttpFixture.Grpc.Tests.Protos;
using FakeHttpFixture.Grpc.Tests.Support;
using Grpc.Core;

namespace FakeHttpFixture.Grpc.Tests;

public sealed class StreamingCallTests
{
    [Theory]
    [MemberData(nameof(GrpcTransport.All), MemberType = typeof(GrpcTransport))]
    public async Task Server_stream_delivers_every_message_in_order_then_OK(string transport)
    {
        await using var server = await GrpcTransport.StartAsync(transport);
        server.StubGrpc<HelloRequest, HelloReply>("fake.test.Greeter/StreamHellos")
            .RespondStream(new HelloReply { Message = "one" }, new HelloReply { Message = "two" }, new HelloReply { Message = "three" });
        using var channel = GrpcTransport.Channel(server);

        using var call = new Greeter.GreeterClient(channel).StreamHellos(new HelloRequest { Name = "Ada" }, cancellationToken: TestContext.Current.CancellationToken);
        var messages = await ReadAllAsync(call.ResponseStream);

        messages.ShouldBe(["one", "two", "three"]);
        call.GetStatus().StatusCode.ShouldBe(StatusCode.OK);
        server.Requests.ShouldHaveSingleItem().GrpcMessage<HelloRequest>().Name.ShouldBe("Ada");
    }

    [Theory]
    [MemberData(nameof(GrpcTransport.All), MemberType = typeof(GrpcTransport))]
    public async Task Server_stream_made_from_the_request(string transport)
    {
        await using var server = await GrpcTransport.StartAsync(transport);
        server.StubGrpc<HelloRequest, HelloReply>("fake.test.Greeter/StreamHellos")
            .RespondStream(r => Enumerable.Range(1, r.Times).Select(i => new HelloReply { Message = $"{r.Name} {i}" }));
        using var channel = GrpcTransport.Channel(server);

        using var call = new Greeter.GreeterClient(channel).StreamHellos(new HelloRequest { Name = "Ada", Times = 2 }, cancellationToken: TestContext.Current.CancellationToken);

        (await ReadAllAsync(call.ResponseStream)).ShouldBe(["Ada 1", "Ada 2"]);
    }

    [Theory]
    [MemberData(nameof(GrpcTransport.All), MemberType = typeof(GrpcTransport))]
    public async Task Client_stream_is_answered_from_all_its_messages_and_each_is_recorded(string transport)
    {
        await using var server = await GrpcTransport.StartAsync(transport);
        server.StubGrpc<HelloRequest, HelloReply>("fake.test.Greeter/CollectHellos")
            .RespondToStream(all => new HelloReply { Message = string.Join(",", all.Select(r => r.Name)) });
        using var channel = GrpcTransport.Channel(server);

        using var call = new Greeter.GreeterClient(channel).CollectHellos(cancellationToken: TestContext.Current.CancellationToken);
        foreach (var name in new[] { "Ada", "Grace", "Edsger" })
        {
            await call.RequestStream.WriteAsync(new HelloRequest { Name = name }, TestContext.Current.CancellationToken);
        }

        await call.RequestStream.CompleteAsync();
        var reply = await call.ResponseAsync;

        reply.Message.ShouldBe("Ada,Grace,Edsger");
        var recorded = server.Requests.ShouldHaveSingleItem();
        recorded.GrpcMessages<HelloRequest>().Select(r => r.Name).ShouldBe(["Ada", "Grace", "Edsger"]);
        Should.Throw<InvalidOperationException>(() => recorded.GrpcMessage<HelloRequest>()).Message.ShouldContain("GrpcMessages<HelloRequest>()");
    }

    [Theory]
    [MemberData(nameof(GrpcTransport.All), MemberType = typeof(GrpcTransport))]
    public async Task Bidirectional_call_replies_to_each_message_once_the_client_completes_its_side(string transport)
    {
        await using var server = await GrpcTransport.StartAsync(transport);
        server.StubGrpc<HelloRequest, HelloReply>("fake.test.Greeter/Chat").ReplyToEach(r => new HelloReply { Message = $"hi {r.Name}" });
        using var channel = GrpcTransport.Channel(server);

        using var call = new Greeter.GreeterClient(channel).Chat(cancellationToken: TestContext.Current.CancellationToken);
        await call.RequestStream.WriteAsync(new HelloRequest { Name = "Ada" }, TestContext.Current.CancellationToken);
        await call.RequestStream.WriteAsync(new HelloRequest { Name = "Grace" }, TestContext.Current.CancellationToken);
        await call.RequestStream.CompleteAsync();

        (await ReadAllAsync(call.ResponseStream)).ShouldBe(["hi Ada", "hi Grace"]);
        call.GetStatus().StatusCode.ShouldBe(StatusCode.OK);
    }

    [Fact]
    public async Task Empty_server_stream_ends_with_OK_and_no_message()
    {
        await using var server = await GrpcTransport.StartAsync("h2c");
        server.StubGrpc<HelloRequest, HelloReply>("fake.test.Greeter/StreamHellos").RespondStream();
        using var channel = GrpcTransport.Channel(server);

        using var call = new Greeter.GreeterClient(channel).StreamHellos(new HelloRequest(), cancellationToken: TestContext.Current.CancellationToken);

        (await ReadAllAsync(call.ResponseStream)).ShouldBeEmpty();
        call.GetStatus().StatusCode.ShouldBe(StatusCode.OK);
    }

    internal static async Task<List<string>> ReadAllAsync(IAsyncStreamReader<HelloReply> stream)
    {
        var messages = new List<string>();
        while (await stream.MoveNext(TestContext.Current.CancellationToken))
        {
            messages.Add(stream.Current.Message);
        }

        return messages;
    }
}
