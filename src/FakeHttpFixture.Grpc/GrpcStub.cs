using System.Runtime.CompilerServices;
using Google.Protobuf;
using Grpc.Core;

namespace FakeHttpFixture;

/// <summary>
/// A fake gRPC method made with <c>server.StubGrpc&lt;TRequest, TResponse&gt;("package.Service/Method")</c>: what it matches
/// (<see cref="Where"/>) and the sequence of answers it gives, with the client's own generated message types.
/// </summary>
/// <remarks>
/// Each Respond, RespondStream or Fail appends an answer to the stub's sequence; the calls get them in order, each once unless
/// <see cref="Times"/> says otherwise, and once the sequence is used up the last answer repeats. A stub without any answer
/// replies with an empty <typeparamref name="TResponse"/>. Of the stubs that match a call, the one added last answers it.
/// The modifiers (<see cref="Times"/>, <see cref="WithDelay"/>, <see cref="WithRetryPushback"/>, <see cref="BreakAfter"/>,
/// <see cref="WithTrailer"/>) change the answer appended last.
/// </remarks>
/// <typeparam name="TRequest">The request message type the client was generated with.</typeparam>
/// <typeparam name="TResponse">The response message type the client was generated with.</typeparam>
public sealed partial class GrpcStub<TRequest, TResponse> : IGrpcStub
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>, new()
{
    private static readonly GrpcAnswer EmptyReply = new(static _ => [new TResponse()]);
    private static readonly Google.Protobuf.Reflection.FileDescriptor RequestFile = new TRequest().Descriptor.File;
    private readonly Lock _gate = new();
    private (string Description, Func<TRequest, bool> Predicate)[] _conditions = [];
    private GrpcAnswer[] _answers = [];
    private int _calls;
    private volatile bool _converses;

    internal GrpcStub(string method) => Method = method;

    /// <summary>Gets the full method name the stub answers, "package.Service/Method".</summary>
    public string Method { get; }

    /// <summary>Gets how many calls the stub has answered.</summary>
    public int CallCount => Volatile.Read(ref _calls);

    /// <summary>
    /// Where makes the stub answer only calls whose request message satisfies <paramref name="predicate"/> (for a client stream,
    /// its first message). A call no stub matches ends with <see cref="StatusCode.Unimplemented"/> and a miss report that shows the
    /// message as JSON and names the condition that failed.
    /// </summary>
    /// <param name="predicate">The condition, over the typed request.</param>
    /// <param name="description">The condition as text for reports; the compiler fills it in.</param>
    /// <returns>This stub, for chaining.</returns>
    public GrpcStub<TRequest, TResponse> Where(Func<TRequest, bool> predicate, [CallerArgumentExpression(nameof(predicate))] string? description = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        lock (_gate)
        {
            _conditions = [.. _conditions, (string.IsNullOrWhiteSpace(description) ? "the predicate" : description.ReplaceLineEndings(" "), predicate)];
        }

        return this;
    }

    /// <summary>Respond appends an answer that replies with <paramref name="response"/> and status OK.</summary>
    /// <param name="response">The reply message.</param>
    /// <returns>This stub, for chaining.</returns>
    public GrpcStub<TRequest, TResponse> Respond(TResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Append(new GrpcAnswer(_ => [response]));
    }

    /// <summary>Respond appends an answer that replies with what <paramref name="respond"/> makes of the request message (for a client stream, its first).</summary>
    /// <param name="respond">Makes the reply from the request; an exception it throws ends the call with <see cref="StatusCode.Unknown"/> and fails <c>Verify()</c>.</param>
    /// <returns>This stub, for chaining.</returns>
    public GrpcStub<TRequest, TResponse> Respond(Func<TRequest, TResponse> respond)
    {
        ArgumentNullException.ThrowIfNull(respond);
        return Append(new GrpcAnswer(call => [respond(First(call))]));
    }

    /// <summary>RespondToStream appends an answer for a client-streaming call: one reply made from all the messages the client sent.</summary>
    /// <param name="respond">Makes the reply from the request messages, in the order sent.</param>
    /// <returns>This stub, for chaining.</returns>
    public GrpcStub<TRequest, TResponse> RespondToStream(Func<IReadOnlyList<TRequest>, TResponse> respond)
    {
        ArgumentNullException.ThrowIfNull(respond);
        return Append(new GrpcAnswer(call => [respond(call.Messages<TRequest>())]));
    }

    /// <summary>RespondStream appends an answer for a server-streaming call: <paramref name="responses"/> in order, then status OK.</summary>
    /// <param name="responses">The messages of the stream; none for an empty stream.</param>
    /// <returns>This stub, for chaining.</returns>
    public GrpcStub<TRequest, TResponse> RespondStream(params TResponse[] responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        IMessage[] copy = [.. responses];
        return Append(new GrpcAnswer(_ => copy));
    }

    /// <summary>RespondStream appends an answer that streams what <paramref name="respond"/> makes of the request message.</summary>
    /// <param name="respond">Makes the stream's messages from the request.</param>
    /// <returns>This stub, for chaining.</returns>
    public GrpcStub<TRequest, TResponse> RespondStream(Func<TRequest, IEnumerable<TResponse>> respond)
    {
        ArgumentNullException.ThrowIfNull(respond);
        return Append(new GrpcAnswer(call => [.. respond(First(call))]));
    }

    /// <summary>
    /// ReplyToEach appends an answer for a bidirectional call: a reply to each message as it arrives, then OK once the client
    /// completes its side. The call is a real conversation: a client may wait for each reply before it sends its next message.
    /// </summary>
    /// <param name="reply">Makes the reply to one message.</param>
    /// <returns>This stub, for chaining.</returns>
    public GrpcStub<TRequest, TResponse> ReplyToEach(Func<TRequest, TResponse> reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return ReplyToEach(r => new[] { reply(r) });
    }

    /// <summary>
    /// ReplyToEach appends an answer for a bidirectional call: the replies <paramref name="replies"/> makes of each message (none,
    /// one or several), sent as that message arrives, then OK once the client completes its side.
    /// </summary>
    /// <param name="replies">Makes the replies to one message.</param>
    /// <returns>This stub, for chaining.</returns>
    public GrpcStub<TRequest, TResponse> ReplyToEach(Func<TRequest, IEnumerable<TResponse>> replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        _converses = true;
        return Append(new GrpcAnswer(call => [.. call.Messages<TRequest>().SelectMany(replies)])
        {
            OnEach = (call, index) => ValueTask.FromResult<IReadOnlyList<IMessage>>([.. replies(call.Message<TRequest>(index))]),
        });
    }

    /// <summary>Fail appends an answer that ends the call with <paramref name="status"/> and <paramref name="detail"/> (grpc-status and grpc-message), without a reply.</summary>
    /// <param name="status">Any status but <see cref="StatusCode.OK"/>.</param>
    /// <param name="detail">The status detail the client reads as <see cref="Status.Detail"/>.</param>
    /// <returns>This stub, for chaining: <c>.Fail(StatusCode.Unavailable, "down").Respond(reply)</c> fails the first call only.</returns>
    public GrpcStub<TRequest, TResponse> Fail(StatusCode status, string detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        if (status == StatusCode.OK)
        {
            throw new ArgumentException("Fail needs a status other than OK; answer OK with Respond or RespondStream.", nameof(status));
        }

        return Append(GrpcAnswer.Failure(status, detail));
    }

    /// <summary>
    /// Fail appends an answer that ends the call with a rich error: the code and message of <paramref name="status"/>, and the whole
    /// google.rpc.Status in the grpc-status-details-bin trailer, which the client reads with Grpc.StatusProto's <c>GetRpcStatus()</c>.
    /// </summary>
    /// <param name="status">The status with its details (BadRequest, RetryInfo, ErrorInfo… packed as Any).</param>
    /// <returns>This stub, for chaining.</returns>
    public GrpcStub<TRequest, TResponse> Fail(Google.Rpc.Status status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.Code == (int)StatusCode.OK || !Enum.IsDefined((StatusCode)status.Code))
        {
            throw new ArgumentException($"The status's code must be a gRPC status other than OK (1 to 16); it is {status.Code}.", nameof(status));
        }

        return Append(GrpcAnswer.Failure((StatusCode)status.Code, status.Message) with { StatusDetails = status.ToByteArray() });
    }

    /// <summary>Returns the stub as reports name it: the method and its conditions.</summary>
    /// <returns>Such as "gRPC greet.Greeter/SayHello where r => r.Name == "Ada"".</returns>
    public override string ToString() =>
        _conditions.Length == 0 ? $"gRPC {Method}" : $"gRPC {Method} where {string.Join(" and ", _conditions.Select(c => c.Description))}";

    bool IGrpcStub.Converses => _converses;

    Google.Protobuf.Reflection.FileDescriptor IGrpcStub.File => RequestFile;

    string? IGrpcStub.Mismatch(GrpcCall call)
    {
        call.KnowType<TRequest>();
        var conditions = _conditions;
        if (conditions.Length == 0)
        {
            return null;
        }

        return GrpcConditions.FirstFailure(call, conditions);
    }

    GrpcAnswer IGrpcStub.Answer()
    {
        var call = Interlocked.Increment(ref _calls);
        var answers = _answers;
        var last = 0;
        foreach (var answer in answers)
        {
            last += answer.Times;
            if (call <= last)
            {
                return answer;
            }
        }

        return answers.Length == 0 ? EmptyReply : answers[^1];
    }

    private static TRequest First(GrpcCall call) => call.Messages<TRequest>() is { Count: > 0 } messages
        ? messages[0]
        : throw new InvalidOperationException($"The client sent no {typeof(TRequest).Name} on {call.Method}, so there is no request message to answer.");

    private GrpcStub<TRequest, TResponse> Append(GrpcAnswer answer)
    {
        lock (_gate)
        {
            _answers = [.. _answers, answer];
        }

        return this;
    }
}
