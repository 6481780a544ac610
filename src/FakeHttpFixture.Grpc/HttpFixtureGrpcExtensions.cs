using Google.Protobuf;

namespace FakeHttpFixture;

/// <summary>gRPC fakes on a <see cref="HttpFixtureServer"/>, with the message types the client was generated with.</summary>
public static class HttpFixtureGrpcExtensions
{
    /// <summary>
    /// StubGrpc adds a stub for the gRPC method <paramref name="method"/> and returns it, to script with Respond, RespondStream
    /// or Fail. From then on the server answers every gRPC call: a stubbed method from its stubs, any other with
    /// <see cref="Grpc.Core.StatusCode.Unimplemented"/> (which, with <see cref="HttpFixtureOptions.Strict"/>, also fails <c>Verify()</c>).
    /// </summary>
    /// <remarks>
    /// gRPC needs HTTP/2: start the server with <see cref="HttpFixtureOptions.Http2Cleartext"/> or
    /// <see cref="HttpFixtureOptions.UseHttps"/>, and give the channel the server's handler:
    /// <c>GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() })</c>.
    /// </remarks>
    /// <typeparam name="TRequest">The request message type, as generated from the .proto.</typeparam>
    /// <typeparam name="TResponse">The response message type, as generated from the .proto.</typeparam>
    /// <param name="server">The server.</param>
    /// <param name="method">gRPC's full method name, "package.Service/Method", such as "greet.Greeter/SayHello".</param>
    /// <returns>The stub.</returns>
    public static GrpcStub<TRequest, TResponse> StubGrpc<TRequest, TResponse>(this HttpFixtureServer server, string method)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(server);
        var name = GrpcMethodName.Normalize(method);
        return GrpcStubRegistry.For(server).Add(new GrpcStub<TRequest, TResponse>(name));
    }

    /// <summary>
    /// EnableGrpc makes the server answer gRPC calls from its start, before any stub exists: every call then ends with
    /// <see cref="Grpc.Core.StatusCode.Unimplemented"/> until a stub answers it. Without it, the first <c>StubGrpc</c> does that.
    /// </summary>
    /// <param name="options">The server's options.</param>
    /// <returns>The options, for chaining.</returns>
    public static HttpFixtureOptions EnableGrpc(this HttpFixtureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.OnServerStarted(static server => GrpcStubRegistry.For(server));
    }

    /// <summary>
    /// EnableGrpcReflection makes the server answer gRPC server reflection (grpc.reflection.v1alpha.ServerReflection), so tools
    /// such as grpcurl or Postman can list the services of the stubbed methods and describe their messages. A service is found in
    /// the .proto file of a stub's request message. It also does what <see cref="EnableGrpc"/> does.
    /// </summary>
    /// <param name="options">The server's options.</param>
    /// <returns>The options, for chaining.</returns>
    public static HttpFixtureOptions EnableGrpcReflection(this HttpFixtureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.OnServerStarted(static server => GrpcStubRegistry.For(server).EnableReflection());
    }
}
