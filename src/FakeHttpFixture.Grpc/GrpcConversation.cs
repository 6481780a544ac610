using System.IO.Pipelines;
using Grpc.Core;

namespace FakeHttpFixture;

/// <summary>
/// A call to a method with a conversing stub (<c>ReplyToEach</c>), answered while the client still sends: the core leaves such a
/// request's body to the stage (<see cref="IAnsweringStage.AnswersWhileBodyArrives"/>) and records it as it is read here.
/// </summary>
internal static class GrpcConversation
{
    /// <summary>Reads the first message, if any, and returns the reader for the rest.</summary>
    public static async ValueTask<GrpcFrameReader> BeginAsync(FixtureExchange exchange, GrpcCall call)
    {
        var reader = new GrpcFrameReader(PipeReader.Create(exchange.HttpContext.Request.Body, new StreamPipeReaderOptions(leaveOpen: true)));
        await ReadNextAsync(exchange, call, reader).ConfigureAwait(false);
        return reader;
    }

    /// <summary>Reads the rest of the request, for an answer that needs all of it (a failure, a client stream's reply).</summary>
    public static async ValueTask DrainAsync(FixtureExchange exchange, GrpcCall call, GrpcFrameReader reader)
    {
        while (await ReadNextAsync(exchange, call, reader).ConfigureAwait(false))
        {
        }
    }

    /// <summary>Replies to each message as it arrives, then ends with the answer's status once the client completes its side.</summary>
    public static async ValueTask ConverseAsync(FixtureExchange exchange, GrpcCall call, GrpcFrameReader reader, GrpcAnswer answer, string stub)
    {
        var response = exchange.HttpContext.Response;
        var aborted = exchange.Aborted;
        try
        {
            GrpcResponseWriter.Start(response);
            await response.StartAsync(aborted).ConfigureAwait(false);
            for (var index = 0; index < call.Frames.Count || await ReadNextAsync(exchange, call, reader).ConfigureAwait(false); index++)
            {
                if (call.FrameError is not null)
                {
                    break;
                }

                if (!await ReplyAsync(exchange, call, answer, index, stub).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return; // The client went away mid-conversation.
        }

        var end = call.FrameError is { } error ? GrpcAnswer.Failure(StatusCode.Internal, error) : answer;
        GrpcResponseWriter.Finish(exchange, call, end, trailersOnly: false);
    }

    private static async ValueTask<bool> ReplyAsync(FixtureExchange exchange, GrpcCall call, GrpcAnswer answer, int index, string stub)
    {
        IReadOnlyList<Google.Protobuf.IMessage> replies;
        try
        {
            replies = await answer.OnEach!(call, index).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The test's own code threw: the client gets Unknown, as from a real service, and Verify says why.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            exchange.Server.ReportProblem($"The {stub} stub threw {ex.GetType().Name} while replying to message {index + 1}: {ex.Message}");
            GrpcResponseWriter.Finish(exchange, call, GrpcAnswer.Failure(StatusCode.Unknown, $"The fake's stub threw {ex.GetType().Name}: {ex.Message}"), trailersOnly: false);
            return false;
        }

        var writer = exchange.HttpContext.Response.BodyWriter;
        foreach (var reply in replies)
        {
            GrpcFrames.Write(writer, reply);
            call.AddReply(reply);
        }

        await writer.FlushAsync(exchange.Aborted).ConfigureAwait(false);
        return true;
    }

    // Adds the next message to the call; false at the end of the request stream or when it is not gRPC (the call then says why).
    private static async ValueTask<bool> ReadNextAsync(FixtureExchange exchange, GrpcCall call, GrpcFrameReader reader)
    {
        try
        {
            if (await reader.ReadAsync(exchange.Aborted).ConfigureAwait(false) is { } frame)
            {
                call.AddFrame(frame);
                return true;
            }
        }
        catch (InvalidDataException ex)
        {
            call.FailFrames(ex.Message);
        }

        return false;
    }
}
