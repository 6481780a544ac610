using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>
/// Writes a gRPC answer on the fixture's own response: status 200, content-type application/grpc, length-prefixed messages,
/// then grpc-status and grpc-message as trailers (or, with no message, as headers: gRPC's Trailers-Only response).
/// </summary>
internal static class GrpcResponseWriter
{
    // Long details (a miss report) are cut, so that a header list stays far below what clients accept (64 KiB for .NET's).
    private const int MaxDetailLength = 4000;

    public static async ValueTask WriteAsync(FixtureExchange exchange, GrpcCall call, GrpcAnswer answer, string stub)
    {
        if (answer.Delay > TimeSpan.Zero)
        {
            var timeout = GrpcTimeout.Parse(exchange.Request.Header("grpc-timeout"));
            var wait = timeout < answer.Delay ? timeout.Value : answer.Delay;
            try
            {
                await Task.Delay(wait, exchange.Aborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return; // The client went away first: its deadline, or a cancel.
            }

            if (wait < answer.Delay)
            {
                Finish(exchange, call, GrpcAnswer.Failure(StatusCode.DeadlineExceeded, "Deadline Exceeded"), trailersOnly: true);
                return;
            }
        }

        IReadOnlyList<IMessage> replies;
        try
        {
            replies = answer.Replies(call);
        }
#pragma warning disable CA1031 // The test's own code threw: the client gets Unknown, as from a real service, and Verify says why.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            exchange.Server.ReportProblem($"The {stub} stub threw {ex.GetType().Name} while answering a call: {ex.Message}");
            Finish(exchange, call, GrpcAnswer.Failure(StatusCode.Unknown, $"The fake's stub threw {ex.GetType().Name}: {ex.Message}"), trailersOnly: true);
            return;
        }

        await SendAsync(exchange, call, answer, replies).ConfigureAwait(false);
    }

    /// <summary>Ends a call with a status only, such as Unimplemented for a method nothing stubs.</summary>
    public static void WriteStatus(FixtureExchange exchange, GrpcCall call, StatusCode status, string detail) =>
        Finish(exchange, call, GrpcAnswer.Failure(status, detail), trailersOnly: true);

    private static async ValueTask SendAsync(FixtureExchange exchange, GrpcCall call, GrpcAnswer answer, IReadOnlyList<IMessage> replies)
    {
        if (replies.Count == 0 && answer.BreakAfter is null)
        {
            Finish(exchange, call, answer, trailersOnly: true);
            return;
        }

        var response = exchange.HttpContext.Response;
        Start(response);
        var writer = response.BodyWriter;
        var sent = 0;
        try
        {
            foreach (var reply in replies)
            {
                if (sent == answer.BreakAfter)
                {
                    break;
                }

                GrpcFrames.Write(writer, reply);
                call.AddReply(reply);
                sent++;
                if (replies.Count > 1 || answer.BreakAfter is not null)
                {
                    // A stream's messages go out one by one; a unary reply leaves with its trailers.
                    await writer.FlushAsync(exchange.Aborted).ConfigureAwait(false);
                }
            }

            if (answer.BreakAfter is not null)
            {
                // The stream ends here without a status. Resetting it instead would race the client: .NET's HTTP/2 client drops
                // the messages it has received but not yet read once a reset arrives, so a test could not count on any of them.
                await response.StartAsync(exchange.Aborted).ConfigureAwait(false);
                await writer.FlushAsync(exchange.Aborted).ConfigureAwait(false);
                return;
            }
        }
        catch (OperationCanceledException)
        {
            return; // The client went away mid-stream.
        }

        Finish(exchange, call, answer, trailersOnly: false);
    }

    internal static void Start(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
    }

    internal static void Finish(FixtureExchange exchange, GrpcCall call, GrpcAnswer answer, bool trailersOnly)
    {
        var response = exchange.HttpContext.Response;
        if (trailersOnly)
        {
            Start(response);
        }

        var detail = answer.Detail.Length > MaxDetailLength ? answer.Detail[..MaxDetailLength] + " …" : answer.Detail;
        Action<string, string> add = trailersOnly ? (name, value) => response.Headers.Append(name, value) : (name, value) => response.AppendTrailer(name, value);
        add("grpc-status", ((int)answer.Status).ToString(CultureInfo.InvariantCulture));
        if (detail.Length != 0)
        {
            // grpc-message is percent-encoded UTF-8; the client decodes it.
            add("grpc-message", Uri.EscapeDataString(detail));
        }

        if (answer.StatusDetails is { } details)
        {
            add("grpc-status-details-bin", Convert.ToBase64String(details));
        }

        if (answer.RetryPushback is { } pushback)
        {
            add("grpc-retry-pushback-ms", ((long)pushback.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        }

        foreach (var (name, value) in answer.Trailers)
        {
            add(name, value);
        }

        call.Finish(answer.Status, answer.Detail);
    }
}
