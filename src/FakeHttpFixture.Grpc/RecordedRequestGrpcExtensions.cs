using Google.Protobuf;
using Grpc.Core;

namespace FakeHttpFixture;

/// <summary>A recorded gRPC call read back with the client's generated types, and shown as protobuf JSON.</summary>
public static class RecordedRequestGrpcExtensions
{
    /// <summary>GrpcMessage returns the request message of a unary or server-streaming call, decoded as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The request message type, as generated from the .proto.</typeparam>
    /// <param name="request">A recorded gRPC call.</param>
    /// <returns>The message.</returns>
    /// <exception cref="InvalidOperationException">The call did not carry exactly one message; read a client stream with <see cref="GrpcMessages{T}"/>.</exception>
    public static T GrpcMessage<T>(this RecordedRequest request)
        where T : class, IMessage<T>, new()
    {
        var messages = request.GrpcMessages<T>();
        return messages.Count == 1
            ? messages[0]
            : throw new InvalidOperationException($"{request} carried {messages.Count} gRPC messages, not one; read a client stream with GrpcMessages<{typeof(T).Name}>().");
    }

    /// <summary>GrpcMessages returns every message the client sent on the call, in order, decoded as <typeparamref name="T"/>: a client stream's, or a single one.</summary>
    /// <typeparam name="T">The request message type, as generated from the .proto.</typeparam>
    /// <param name="request">A recorded gRPC call.</param>
    /// <returns>The messages.</returns>
    /// <exception cref="InvalidOperationException">The body is not a sequence of gRPC messages of that type.</exception>
    public static IReadOnlyList<T> GrpcMessages<T>(this RecordedRequest request)
        where T : class, IMessage<T>, new()
    {
        ArgumentNullException.ThrowIfNull(request);
        var call = GrpcCall.Of(request);
        if (call.FrameError is { } error)
        {
            throw new InvalidOperationException($"{request} is not a gRPC call the fake can read: {error}");
        }

        try
        {
            return call.Messages<T>();
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new InvalidOperationException($"{request} does not carry {typeof(T).Name} messages: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// GrpcJson returns the call as text for a journal or a failure message: the method and the status, then each message the
    /// client sent (→) and the fake replied (←) in protobuf's JSON mapping.
    /// </summary>
    /// <param name="request">A recorded gRPC call.</param>
    /// <returns>Such as "gRPC greet.Greeter/SayHello OK\n  → {"name": "Ada"}\n  ← {"message": "Hello Ada"}".</returns>
    public static string GrpcJson(this RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return GrpcCall.Of(request).ToString();
    }

    /// <summary>GrpcStatus returns the status the fake ended the call with, or null when the call was broken off or another stage answered it.</summary>
    /// <param name="request">A recorded gRPC call.</param>
    /// <returns>The status code.</returns>
    public static StatusCode? GrpcStatus(this RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return GrpcCall.Of(request).Status;
    }
}
