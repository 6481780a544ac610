using System.Runtime.CompilerServices;
using System.Text;
using Google.Protobuf;
using Grpc.Core;

namespace FakeHttpFixture;

/// <summary>
/// One gRPC call as the fake saw it: the method, the request's messages (raw, and typed once a stub has read them), the replies
/// sent and the status. The journal's <see cref="RecordedRequest"/> is linked to it, so that <c>GrpcMessage&lt;T&gt;()</c> and
/// <c>GrpcJson()</c> read what the stub read instead of parsing again.
/// </summary>
internal sealed class GrpcCall
{
    private static readonly ConditionalWeakTable<RecordedRequest, GrpcCall> Calls = [];

    private readonly Lock _gate = new();
    private readonly List<IMessage> _replies = [];
    private object? _typed;
    private Func<GrpcCall, IEnumerable<IMessage>>? _readAs;

    private readonly List<ReadOnlyMemory<byte>> _frames;

    private GrpcCall(string method, List<ReadOnlyMemory<byte>> frames, string? frameError)
    {
        Method = method;
        _frames = frames;
        FrameError = frameError;
    }

    public string Method { get; }

    /// <summary>Gets the request's messages, without their prefixes; a conversation's grow as they arrive.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Frames => _frames;

    /// <summary>Gets a sentence saying why the body is not a sequence of gRPC messages, or null.</summary>
    public string? FrameError { get; private set; }

    /// <summary>Gets the status the fake answered with; null while the call runs or when it was broken off.</summary>
    public StatusCode? Status { get; private set; }

    public string Detail { get; private set; } = string.Empty;

    /// <summary>Returns the call the journal's request was, making it from the request's body when the fake did not answer it.</summary>
    public static GrpcCall Of(RecordedRequest request) => Calls.TryGetValue(request, out var call) ? call : Read(request);

    /// <summary>Reads the call from a recorded request and links the two.</summary>
    public static GrpcCall Read(RecordedRequest request)
    {
        var error = GrpcFrames.TrySplit(request.Body, out var frames);
        var call = new GrpcCall(GrpcMethodName.FromPath(request.Path), frames, error);
        Calls.AddOrUpdate(request, call);
        return call;
    }

    /// <summary>Starts the record of a call whose messages a conversation reads as they arrive (<see cref="AddFrame"/>), and links the two.</summary>
    public static GrpcCall Streaming(RecordedRequest request)
    {
        var call = new GrpcCall(GrpcMethodName.FromPath(request.Path), [], null);
        Calls.AddOrUpdate(request, call);
        return call;
    }

    public void AddFrame(ReadOnlyMemory<byte> frame)
    {
        lock (_gate)
        {
            _frames.Add(frame);
        }
    }

    public void FailFrames(string error) => FrameError = error;

    /// <summary>Returns the request's messages as <typeparamref name="T"/>, each parsed once; throws <see cref="InvalidProtocolBufferException"/> when they are not.</summary>
    public IReadOnlyList<T> Messages<T>()
        where T : class, IMessage<T>, new()
    {
        lock (_gate)
        {
            if (_typed is not List<T> messages)
            {
                messages = new List<T>(_frames.Count);
            }

            for (var i = messages.Count; i < _frames.Count; i++)
            {
                messages.Add(GrpcParser<T>.Instance.ParseFrom(_frames[i].Span));
            }

            _typed = messages;
            return messages.ToArray();
        }
    }

    /// <summary>Notes the request's message type, which a stub for the method knows, so the journal can show the messages as JSON later.</summary>
    public void KnowType<T>()
        where T : class, IMessage<T>, new() => _readAs ??= static call => call.Messages<T>();

    /// <summary>Returns the request's message at <paramref name="index"/> as <typeparamref name="T"/>.</summary>
    public T Message<T>(int index)
        where T : class, IMessage<T>, new()
    {
        lock (_gate)
        {
            return _typed is List<T> messages && index < messages.Count ? messages[index] : Messages<T>()[index];
        }
    }

    public void AddReply(IMessage reply)
    {
        lock (_gate)
        {
            _replies.Add(reply);
        }
    }

    public void Finish(StatusCode status, string detail)
    {
        Status = status;
        Detail = detail;
    }

    /// <summary>Returns the request's messages as JSON, one per line, when a stub has read them with their type.</summary>
    public string RequestJson()
    {
        if (Frames.Count == 0 && FrameError is null)
        {
            return "(no messages)";
        }

        lock (_gate)
        {
            if (_typed is IEnumerable<IMessage> typed)
            {
                return string.Join('\n', typed.Select(GrpcJson.Format));
            }
        }

        if (FrameError is null && _readAs is { } read)
        {
            try
            {
                return string.Join('\n', read(this).Select(GrpcJson.Format));
            }
            catch (InvalidProtocolBufferException ex)
            {
                return $"(not a message of the type the stubs for {Method} take: {ex.Message})";
            }
        }

        var bytes = Frames.Sum(f => f.Length);
        return FrameError ?? $"({Frames.Count} message(s), {bytes} bytes; no stub for {Method} read them, so their type is unknown)";
    }

    /// <summary>Returns the call as text: method and status, then each message sent (→) and received (←) as JSON.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("gRPC ").Append(Method).Append(' ').Append(Status?.ToString() ?? "(no status: broken off or still running)");
        if (Detail.Length != 0)
        {
            text.Append(" \"").Append(Detail).Append('"');
        }

        foreach (var line in RequestJson().Split('\n'))
        {
            text.Append("\n  → ").Append(line);
        }

        lock (_gate)
        {
            foreach (var reply in _replies)
            {
                text.Append("\n  ← ").Append(GrpcJson.Format(reply));
            }
        }

        return text.ToString();
    }
}
