using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Reflection;
using Grpc.Reflection.V1Alpha;

namespace FakeHttpFixture;

/// <summary>
/// gRPC server reflection (grpc.reflection.v1alpha, what grpcurl and Postman ask) for the services the stubs belong to, answered
/// by Grpc.Reflection's own service one request at a time inside a conversation. A service is found in the .proto file of a
/// stub's request message, where generated code keeps it when the service and its messages share a file.
/// </summary>
internal sealed class GrpcReflection(Func<IGrpcStub[]> stubs) : IGrpcStub
{
    public const string ReflectionMethod = "grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo";

    public string Method => ReflectionMethod;

    public bool Converses => true;

    public FileDescriptor File => ReflectionReflection.Descriptor;

    public string? Mismatch(GrpcCall call) => null;

    public GrpcAnswer Answer() => new(static _ => []) { OnEach = ReplyAsync };

    public override string ToString() => "gRPC server reflection";

    private static ServiceDescriptor? ServiceOf(IGrpcStub stub)
    {
        var name = stub.Method[..stub.Method.IndexOf('/', StringComparison.Ordinal)];
        return stub.File.Services.FirstOrDefault(s => s.FullName == name);
    }

    private async ValueTask<IReadOnlyList<IMessage>> ReplyAsync(GrpcCall call, int index)
    {
        var services = stubs().Select(ServiceOf).OfType<ServiceDescriptor>().Append(ServerReflection.Descriptor).DistinctBy(s => s.FullName).ToArray();
        var writer = new CollectingStreamWriter<ServerReflectionResponse>();

        // The service reads no member of the call context; the fake has none to give for one request of a conversation.
        await new ReflectionServiceImpl(services)
            .ServerReflectionInfo(new SingleMessageReader<ServerReflectionRequest>(call.Message<ServerReflectionRequest>(index)), writer, null!)
            .ConfigureAwait(false);
        return writer.Messages;
    }
}
