using FakeHttpFixture.Benchmarks.Grpc;

namespace FakeHttpFixture.Benchmarks.Scenarios;

/// <summary>The messages of <see cref="GrpcUnary"/>, the same for both peers.</summary>
internal static class GrpcUnaryPayload
{
    public const string Method = "bench.Greeter/SayHello";

    public static readonly HelloRequest Request = new() { Name = "benchmark" };

    public static readonly HelloReply Reply = new() { Message = "Hello benchmark, from a service that answers about this much." };
}
