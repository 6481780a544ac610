using Google.Protobuf;
using Grpc.Core;

namespace FakeHttpFixture;

/// <summary>One answer in a gRPC stub's sequence: the messages to send, then the status, and how to deliver them.</summary>
/// <param name="Replies">Makes the reply messages from the call; none for a failure.</param>
internal sealed record GrpcAnswer(Func<GrpcCall, IReadOnlyList<IMessage>> Replies)
{
    /// <summary>Gets how many calls get this answer before the next one in the sequence.</summary>
    public int Times { get; init; } = 1;

    public StatusCode Status { get; init; } = StatusCode.OK;

    public string Detail { get; init; } = string.Empty;

    /// <summary>Gets a serialized google.rpc.Status for the grpc-status-details-bin trailer, or null.</summary>
    public byte[]? StatusDetails { get; init; }

    public TimeSpan Delay { get; init; }

    public TimeSpan? RetryPushback { get; init; }

    /// <summary>Gets the number of messages after which the stream is reset instead of finishing with a status, or null.</summary>
    public int? BreakAfter { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Trailers { get; init; } = [];

    /// <summary>Gets, for a conversation, the replies to the request message at an index, sent as that message arrives; else null.</summary>
    public Func<GrpcCall, int, ValueTask<IReadOnlyList<IMessage>>>? OnEach { get; init; }

    public static GrpcAnswer Failure(StatusCode status, string detail) => new(static _ => []) { Status = status, Detail = detail };
}
