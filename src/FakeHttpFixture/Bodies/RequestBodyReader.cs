using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FakeHttpFixture;

/// <summary>Reads a request body to its end, keeping exactly the bytes received, also when the client goes away mid-body, and says how it ended.</summary>
internal static class RequestBodyReader
{
    /// <summary>Gets the result for a request without a body.</summary>
    public static BodyReadResult None => new(RecordedBody.Empty, BodyOutcome.Whole, 0);

    /// <summary>Returns whether Kestrel knows the request has no body (such as a GET without Content-Length or Transfer-Encoding).</summary>
    public static bool HasNoBody(HttpContext context) => context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false };

    public static async ValueTask<BodyReadResult> ReadAsync(HttpContext context, BodySpillDirectory spill, long threshold)
    {
        if (HasNoBody(context))
        {
            return None;
        }

        // The body of an extended CONNECT (a WebSocket over HTTP/2) is the tunnel itself, which ends only when the socket does:
        // whoever accepts it reads it, and the messages are recorded instead.
        if (context.Features.Get<IHttpExtendedConnectFeature>() is { IsExtendedConnect: true })
        {
            return None;
        }

        var reader = context.Request.BodyReader;
        var sink = new BodySink(spill, threshold, context.Request.ContentLength);
        await using (sink.ConfigureAwait(false))
        {
            Exception? failure = null;
            try
            {
                while (true)
                {
                    var result = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);

                    // The file write is the only cancellable step after the read; a vanished client must not lose bytes already read.
                    await sink.WriteAsync(result.Buffer, CancellationToken.None).ConfigureAwait(false);
                    reader.AdvanceTo(result.Buffer.End);
                    if (result.IsCompleted || result.IsCanceled)
                    {
                        break;
                    }
                }
            }
            // Kestrel reports a chunked trailer with a NUL or non-ASCII byte as InvalidOperationException, not as a bad request.
            catch (Exception ex) when (ClientGone.Is(ex) || ex is BadHttpRequestException or InvalidOperationException)
            {
                failure = ex;
            }

            var body = await sink.CompleteAsync().ConfigureAwait(false);
            return failure switch
            {
                null when sink.StoreFailure is not null => new BodyReadResult(body, BodyOutcome.NotStored, StatusCodes.Status507InsufficientStorage),
                null => new BodyReadResult(body, BodyOutcome.Whole, 0),
                BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new BodyReadResult(body, BodyOutcome.Refused, StatusCodes.Status413PayloadTooLarge),
                _ when MalformedStatus(failure) is var status and not 0 => new BodyReadResult(body, BodyOutcome.Malformed, status),
                _ => new BodyReadResult(body, BodyOutcome.ClientGone, 0),
            };
        }
    }

    // How Kestrel reports a malformed body, apart from a client that went away: "Unexpected end of request content" is the
    // client closing its side mid-body, which Kestrel takes for the end of the connection (dotnet/aspnetcore#13188);
    // a chunk size past 32 bits is an IOException over an OverflowException; a NUL or non-ASCII trailer byte is an
    // InvalidOperationException.
    private static int MalformedStatus(Exception failure) => failure switch
    {
        BadHttpRequestException bad when !bad.Message.StartsWith("Unexpected end of request content", StringComparison.Ordinal) => bad.StatusCode,
        IOException { InnerException: OverflowException } => StatusCodes.Status400BadRequest,
        InvalidOperationException => StatusCodes.Status400BadRequest,
        _ => 0,
    };
}
