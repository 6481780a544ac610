using Grpc.Core;

namespace FakeHttpFixture;

/// <summary>
/// The gRPC stubs of one server, and the answering stage that serves them: it takes every request whose content-type is
/// application/grpc, answers it from the stub added last that matches, and ends any other call with Unimplemented (reported to
/// <c>Verify()</c> when the server is strict). Other requests go on to the server's other stages.
/// </summary>
internal sealed class GrpcStubRegistry(HttpFixtureServer server) : IAnsweringStage
{
    private readonly Lock _gate = new();
    private IGrpcStub[] _stubs = [];
    private GrpcReflection? _reflection;

    public string Name => "grpc";

    /// <summary>Returns the server's registry, adding it and its stage on first use.</summary>
    public static GrpcStubRegistry For(HttpFixtureServer server) => server.GetOrAddExtension(static s =>
    {
        var registry = new GrpcStubRegistry(s);
        s.AddStage(registry, StagePosition.WithStubs);
        return registry;
    });

    /// <summary>Answers gRPC server reflection for the stubs' services from now on; <see cref="Reset"/> keeps it.</summary>
    public void EnableReflection() => _reflection ??= new GrpcReflection(() => Volatile.Read(ref _stubs));

    public T Add<T>(T stub)
        where T : IGrpcStub
    {
        lock (_gate)
        {
            _stubs = [.. _stubs, stub];
        }

        return stub;
    }

    /// <summary>Claims, before its body is read, a call to a method one of whose stubs converses, so it can reply as messages arrive.</summary>
    public bool AnswersWhileBodyArrives(Microsoft.AspNetCore.Http.HttpRequest request) =>
        IsGrpc(request.ContentType) && Converses(GrpcMethodName.FromPath(request.Path.Value ?? string.Empty));

    public ValueTask<bool> TryAnswerAsync(FixtureExchange exchange) =>
        IsGrpc(exchange.Request.Header("Content-Type")) ? AnswerAsync(exchange) : ValueTask.FromResult(false);

    public void Reset()
    {
        lock (_gate)
        {
            _stubs = [];
        }
    }

    // application/grpc and application/grpc+proto; gRPC-Web (application/grpc-web…) is another protocol.
    private static bool IsGrpc(string? contentType) =>
        contentType is not null
        && contentType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase)
        && (contentType.Length == 16 || contentType[16] is '+' or ';');

    private bool Converses(string method)
    {
        if (_reflection is not null && method == GrpcReflection.ReflectionMethod)
        {
            return true;
        }

        foreach (var stub in Volatile.Read(ref _stubs))
        {
            if (stub.Converses && string.Equals(stub.Method, method, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private async ValueTask<bool> AnswerAsync(FixtureExchange exchange)
    {
        // A call the core left unread (a conversing method's) is read here: its first message now, the rest as the answer needs.
        var streaming = exchange.Request.BodyLength == 0 && Converses(GrpcMethodName.FromPath(exchange.Request.Path));
        var call = streaming ? GrpcCall.Streaming(exchange.Request) : GrpcCall.Read(exchange.Request);
        var reader = streaming ? await GrpcConversation.BeginAsync(exchange, call).ConfigureAwait(false) : null;
        if (call.FrameError is { } frameError)
        {
            var problem = $"gRPC call {call.Method} (request #{exchange.Request.Sequence}) could not be read: {frameError}";
            server.ReportProblem(problem);
            GrpcResponseWriter.WriteStatus(exchange, call, StatusCode.Internal, problem);
            return true;
        }

        var stubs = Volatile.Read(ref _stubs);
        if (_reflection is { } reflection && call.Method == GrpcReflection.ReflectionMethod)
        {
            stubs = [reflection, .. stubs];
        }

        List<(IGrpcStub Stub, string Why)>? misses = null;
        for (var i = stubs.Length - 1; i >= 0; i--)
        {
            var stub = stubs[i];
            if (!string.Equals(stub.Method, call.Method, StringComparison.Ordinal))
            {
                continue;
            }

            if (stub.Mismatch(call) is { } why)
            {
                (misses ??= []).Add((stub, why));
                continue;
            }

            var answer = stub.Answer();
            if (reader is not null && answer.OnEach is not null)
            {
                await GrpcConversation.ConverseAsync(exchange, call, reader, answer, stub.ToString()!).ConfigureAwait(false);
                return true;
            }

            if (reader is not null)
            {
                await GrpcConversation.DrainAsync(exchange, call, reader).ConfigureAwait(false);
            }

            await GrpcResponseWriter.WriteAsync(exchange, call, answer, stub.ToString()!).ConfigureAwait(false);
            return true;
        }

        if (reader is not null)
        {
            await GrpcConversation.DrainAsync(exchange, call, reader).ConfigureAwait(false);
        }

        var report = GrpcMissReport.Write(call, exchange.Request.Sequence, misses, stubs);
        if (server.Strict)
        {
            server.ReportProblem(report);
        }

        GrpcResponseWriter.WriteStatus(exchange, call, StatusCode.Unimplemented, report);
        return true;
    }
}
