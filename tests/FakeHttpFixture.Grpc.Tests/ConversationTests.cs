using FakeHttpFixture.Grpc.Tests.Protos;
using FakeHttpFixture.Grpc.Tests.Support;
using Grpc.Core;

namespace FakeHttpFixture.Grpc.Tests;

/// <summary>Bidirectional calls whose client waits for each reply before it sends its next message.</summary>
public sealed class ConversationTests
{
    private const string Chat = "fake.test.Greeter/Chat";

    [Theory]
    [MemberData(nameof(GrpcTransport.All), MemberType = typeof(GrpcTransport))]
    public async Task Each_message_is_answered_before_the_client_sends_the_next(string transport)
    {
        await using var server = await GrpcTransport.StartAsync(transport);
        server.StubGrpc<HelloRequest, HelloReply>(Chat).ReplyToEach(r => new HelloReply { Message = $"hi {r.Name}" });
        using var channel = GrpcTransport.Channel(server);
        var token = TestContext.Current.CancellationToken;

        using var call = new Greeter.GreeterClient(channel).Chat(cancellationToken: token);
        var heard = new List<string>();
        foreach (var name in new[] { "Ada", "Grace", "Edsger" })
        {
            await call.RequestStream.WriteAsync(new HelloRequest { Name = name }, token);
            (await call.ResponseStream.MoveNext(token)).ShouldBeTrue();   // the reply comes while the request stream is open
            heard.Add(call.ResponseStream.Current.Message);
        }

        await call.RequestStream.CompleteAsync();
        (await call.ResponseStream.MoveNext(token)).ShouldBeFalse();

        heard.ShouldBe(["hi Ada", "hi Grace", "hi Edsger"]);
        call.GetStatus().StatusCode.ShouldBe(StatusCode.OK);
        var recorded = await server.WaitForCompletionAsync(server.Requests.ShouldHaveSingleItem(), cancellationToken: token);
        recorded.GrpcMessages<HelloRequest>().Select(r => r.Name).ShouldBe(["Ada", "Grace", "Edsger"]);
        recorded.BodyLength.ShouldBeGreaterThan(15, "the body the conversation read is recorded");
        recorded.GrpcJson().ShouldContain("""← { "message": "hi Edsger" }""");
    }

    [Fact]
    public async Task Several_replies_or_none_to_one_message()
    {
        await using var server = await GrpcTransport.StartAsync("h2c");
        server.StubGrpc<HelloRequest, HelloReply>(Chat)
            .ReplyToEach(r => Enumerable.Range(1, r.Times).Select(i => new HelloReply { Message = $"{r.Name} {i}" }));
        using var channel = GrpcTransport.Channel(server);
        var token = TestContext.Current.CancellationToken;

        using var call = new Greeter.GreeterClient(channel).Chat(cancellationToken: token);
        await call.RequestStream.WriteAsync(new HelloRequest { Name = "silent", Times = 0 }, token);
        await call.RequestStream.WriteAsync(new HelloRequest { Name = "twice", Times = 2 }, token);
        await call.RequestStream.CompleteAsync();

        (await StreamingCallTests.ReadAllAsync(call.ResponseStream)).ShouldBe(["twice 1", "twice 2"]);
    }

    [Fact]
    public async Task Other_answers_of_a_conversing_method_read_the_whole_stream_first()
    {
        await using var server = await GrpcTransport.StartAsync("h2c");
        server.StubGrpc<HelloRequest, HelloReply>(Chat)
            .Fail(StatusCode.Unavailable, "try later")
            .ReplyToEach(r => new HelloReply { Message = r.Name });
        server.StubGrpc<HelloRequest, HelloReply>(Chat).Where(r => r.Name == "all at once").RespondStream(new HelloReply { Message = "streamed" });
        using var channel = GrpcTransport.Channel(server);
        var client = new Greeter.GreeterClient(channel);
        var token = TestContext.Current.CancellationToken;

        using (var failing = client.Chat(cancellationToken: token))
        {
            await failing.RequestStream.WriteAsync(new HelloRequest { Name = "x" }, token);
            await failing.RequestStream.CompleteAsync();
            (await Should.ThrowAsync<RpcException>(() => StreamingCallTests.ReadAllAsync(failing.ResponseStream))).StatusCode.ShouldBe(StatusCode.Unavailable);
        }

        using (var streamed = client.Chat(cancellationToken: token))
        {
            await streamed.RequestStream.WriteAsync(new HelloRequest { Name = "all at once" }, token);
            await streamed.RequestStream.WriteAsync(new HelloRequest { Name = "second" }, token);
            await streamed.RequestStream.CompleteAsync();
            (await StreamingCallTests.ReadAllAsync(streamed.ResponseStream)).ShouldBe(["streamed"]);
        }

        var second = await server.WaitForCompletionAsync(server.Requests[1], cancellationToken: token);
        second.GrpcMessages<HelloRequest>().Count.ShouldBe(2);
    }
}
