namespace FakeHttpFixture;

/// <summary>A gRPC stub as the server's registry asks it, whatever its message types.</summary>
internal interface IGrpcStub
{
    /// <summary>Gets the full method name, "package.Service/Method".</summary>
    string Method { get; }

    /// <summary>Gets the .proto file of the stub's request message, where server reflection looks for the service.</summary>
    Google.Protobuf.Reflection.FileDescriptor File { get; }

    /// <summary>Gets a value indicating whether an answer of the stub converses (replies to each message as it arrives).</summary>
    bool Converses { get; }

    /// <summary>Returns null when the stub answers the call, else a sentence saying which condition failed.</summary>
    string? Mismatch(GrpcCall call);

    /// <summary>Counts the call and returns the answer in the stub's sequence it gets.</summary>
    GrpcAnswer Answer();
}
