using FakeHttpFixture.Grpc.Tests.Protos;
using FakeHttpFixture.Grpc.Tests.Support;
using Google.Protobuf.Reflection;
using Grpc.Reflection.V1Alpha;

namespace FakeHttpFixture.Grpc.Tests;

/// <summary>Server reflection asked by Grpc.Reflection's own client, as grpcurl asks it: list the services, then describe one.</summary>
public sealed class ReflectionTests
{
    [Theory]
    [MemberData(nameof(GrpcTransport.All), MemberType = typeof(GrpcTransport))]
    public async Task Reflection_lists_the_stubbed_services_and_describes_them(string transport)
    {
        await using var server = await GrpcTransport.StartAsync(transport, o => o.EnableGrpcReflection());
        server.StubGrpc<HelloRequest, HelloReply>("fake.test.Greeter/SayHello").Respond(new HelloReply());
        using var channel = GrpcTransport.Channel(server);
        var token = TestContext.Current.CancellationToken;

        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(cancellationToken: token);
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" }, token);
        (await call.ResponseStream.MoveNext(token)).ShouldBeTrue();
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = "fake.test.Greeter" }, token);
        (await call.ResponseStream.MoveNext(token)).ShouldBeTrue();
        var files = call.ResponseStream.Current.FileDescriptorResponse.FileDescriptorProto.Select(FileDescriptorProto.Parser.ParseFrom).ToList();
        await call.RequestStream.CompleteAsync();

        services.ShouldBe(["fake.test.Greeter", "grpc.reflection.v1alpha.ServerReflection"], ignoreOrder: true);
        var greeter = files.SelectMany(f => f.Service).ShouldHaveSingleItem();
        greeter.Method.Select(m => m.Name).ShouldBe(["SayHello", "StreamHellos", "CollectHellos", "Chat"]);
        (await call.ResponseStream.MoveNext(token)).ShouldBeFalse();
    }

    [Fact]
    public async Task Without_EnableGrpcReflection_reflection_is_Unimplemented()
    {
        await using var server = await GrpcTransport.StartAsync("h2c");
        server.StubGrpc<HelloRequest, HelloReply>("fake.test.Greeter/SayHello").Respond(new HelloReply());
        using var channel = GrpcTransport.Channel(server);
        var token = TestContext.Current.CancellationToken;

        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(cancellationToken: token);
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" }, token);
        await call.RequestStream.CompleteAsync();

        var error = await Should.ThrowAsync<global::Grpc.Core.RpcException>(() => call.ResponseStream.MoveNext(token));
        error.StatusCode.ShouldBe(global::Grpc.Core.StatusCode.Unimplemented);
    }
}
