using FakeHttpFixture.Grpc.Tests.Protos;
using FakeHttpFixture.Grpc.Tests.Support;
using Grpc.Core;

namespace FakeHttpFixture.Grpc.Tests;

public sealed class MatchingAndJournalTests
{
    private const string SayHello = "fake.test.Greeter/SayHello";

    [Theory]
    [MemberData(nameof(GrpcTransport.All), MemberType = typeof(GrpcTransport))]
    public async Task Where_picks_the_stub_by_the_typed_request(string transport)
    {
        await using var server = await GrpcTransport.StartAsync(transport);
        server.StubGrpc<HelloRequest, HelloReply>(SayHello).Where(r => r.Name == "Ada").Respond(new HelloReply { Message = "for Ada" });
        server.StubGrpc<HelloRequest, HelloReply>(SayHello).Where(r => r.Name == "Grace").Respond(new HelloReply { Message = "for Grace" });
        using var channel = GrpcTransport.Channel(server);
        var client = new Greeter.GreeterClient(channel);

        (await client.SayHelloAsync(new HelloRequest { Name = "Ada" }, cancellationToken: TestContext.Current.CancellationToken)).Message.ShouldBe("for Ada");
        (await client.SayHelloAsync(new HelloRequest { Name = "Grace" }, cancellationToken: TestContext.Current.CancellationToken)).Message.ShouldBe("for Grace");
    }

    [Fact]
    public async Task Miss_report_shows_the_message_as_JSON_and_the_condition_that_failed()
    {
        await using var server = await GrpcTransport.StartAsync("h2c", o => o.Strict = true);
        server.StubGrpc<HelloRequest, HelloReply>(SayHello).Where(r => r.Name == "Ada").Respond(new HelloReply());
        using var channel = GrpcTransport.Channel(server);

        var error = await Should.ThrowAsync<RpcException>(() => new Greeter.GreeterClient(channel)
            .SayHelloAsync(new HelloRequest { Name = "Bob", Times = 2 }, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.Unimplemented);
        error.Status.Detail.ShouldContain("""request: { "name": "Bob", "times": 2 }""");
        error.Status.Detail.ShouldContain("""gRPC fake.test.Greeter/SayHello where r => r.Name == "Ada" → where r => r.Name == "Ada": false""");
        Should.Throw<Exception>(server.Verify).Message.ShouldContain("""{ "name": "Bob", "times": 2 }""");
    }

    [Fact]
    public async Task Journal_shows_the_call_as_JSON_both_ways()
    {
        await using var server = await GrpcTransport.StartAsync("h2c");
        server.StubGrpc<HelloRequest, HelloReply>("fake.test.Greeter/StreamHellos")
            .RespondStream(new HelloReply { Message = "one" }, new HelloReply { Message = "two" });
        using var channel = GrpcTransport.Channel(server);

        using var call = new Greeter.GreeterClient(channel).StreamHellos(new HelloRequest { Name = "Ada" }, cancellationToken: TestContext.Current.CancellationToken);
        await StreamingCallTests.ReadAllAsync(call.ResponseStream);

        var recorded = await server.WaitForCompletionAsync(server.Requests.ShouldHaveSingleItem(), cancellationToken: TestContext.Current.CancellationToken);
        recorded.GrpcJson().ShouldBe("""
            gRPC fake.test.Greeter/StreamHellos OK
              → { "name": "Ada" }
              ← { "message": "one" }
              ← { "message": "two" }
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Journal_of_an_unstubbed_method_says_the_message_type_is_unknown()
    {
        await using var server = await GrpcTransport.StartAsync("h2c", o => o.EnableGrpc());
        using var channel = GrpcTransport.Channel(server);

        await Should.ThrowAsync<RpcException>(() => new Greeter.GreeterClient(channel).SayHelloAsync(new HelloRequest { Name = "Ada" }, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        var recorded = server.Requests.ShouldHaveSingleItem();
        recorded.GrpcJson().ShouldContain("no stub for fake.test.Greeter/SayHello read them, so their type is unknown");
        recorded.GrpcMessage<HelloRequest>().Name.ShouldBe("Ada");
        recorded.GrpcJson().ShouldContain("""→ { "name": "Ada" }""");
    }

    [Fact]
    public async Task Plain_HTTP_requests_go_past_the_gRPC_stage_to_the_other_stubs()
    {
        await using var server = await GrpcTransport.StartAsync("h2c");
        server.StubGrpc<HelloRequest, HelloReply>(SayHello).Respond(new HelloReply());
        server.Stub(HttpMethod.Get, "/health").Respond(StubResponse.Text("up"));
        using var http = server.CreateClient();
        http.DefaultRequestVersion = System.Net.HttpVersion.Version20;
        http.DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact;

        (await http.GetStringAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken)).ShouldBe("up");
    }
}
