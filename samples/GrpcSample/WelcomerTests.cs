using FakeHttpFixture;
using Grpc.Core;
using Grpc.Net.Client;
using GrpcSample.Greet;

namespace GrpcSample;

public sealed class WelcomerTests
{
    [Fact]
    public async Task Welcome_is_the_greeting_the_service_sends()
    {
        await using var server = await HttpFixtureServer.StartAsync(o => o.Http2Cleartext = true, TestContext.Current.CancellationToken);
        server.StubGrpc<HelloRequest, HelloReply>("greet.Greeter/SayHello")
              .Respond(r => new HelloReply { Message = $"Hello {r.Name}" });

        using var channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });
        var welcome = await new Welcomer(new Greeter.GreeterClient(channel)).WelcomeAsync("Ada", TestContext.Current.CancellationToken);

        Assert.Equal("Hello Ada", welcome);
        Assert.Equal("Ada", server.Requests.Single().GrpcMessage<HelloRequest>().Name);
    }

    [Fact]
    public async Task Welcome_falls_back_when_the_service_is_unavailable()
    {
        await using var server = await HttpFixtureServer.StartAsync(o => o.UseHttps(), TestContext.Current.CancellationToken);
        server.StubGrpc<HelloRequest, HelloReply>("greet.Greeter/SayHello")
              .Fail(StatusCode.Unavailable, "maintenance");

        using var channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });
        var welcome = await new Welcomer(new Greeter.GreeterClient(channel)).WelcomeAsync("Ada", TestContext.Current.CancellationToken);

        Assert.Equal("Welcome, Ada.", welcome);
    }

    [Fact]
    public async Task Welcome_falls_back_when_the_service_is_too_slow()
    {
        await using var server = await HttpFixtureServer.StartAsync(o => o.Http2Cleartext = true, TestContext.Current.CancellationToken);
        server.StubGrpc<HelloRequest, HelloReply>("greet.Greeter/SayHello")
              .Respond(new HelloReply { Message = "too late" })
              .WithDelay(TimeSpan.FromMinutes(1));

        using var channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });
        var welcome = await new Welcomer(new Greeter.GreeterClient(channel), patience: TimeSpan.FromMilliseconds(200)).WelcomeAsync("Ada", TestContext.Current.CancellationToken);

        Assert.Equal("Welcome, Ada.", welcome);
    }

    [Fact]
    public async Task Every_greeting_of_the_stream_is_read()
    {
        await using var server = await HttpFixtureServer.StartAsync(o => o.Http2Cleartext = true, TestContext.Current.CancellationToken);
        server.StubGrpc<HelloRequest, HelloReply>("greet.Greeter/SayHellos")
              .RespondStream(new HelloReply { Message = "Hello" }, new HelloReply { Message = "Bonjour" });

        using var channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });
        var greetings = await new Welcomer(new Greeter.GreeterClient(channel)).AllGreetingsAsync("Ada", TestContext.Current.CancellationToken);

        Assert.Equal(["Hello", "Bonjour"], greetings);
    }
}
