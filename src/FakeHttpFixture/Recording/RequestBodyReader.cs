using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FakeHttpFixture;

/// <summary>Reads a request body to its end, keeping exactly the bytes received, also when the client goes away mid-body.</summary>
internal static class RequestBodyReader
{
    public static async ValueTask<BodyReadResult> ReadAsync(HttpContext context, BodySpillDirectory spill, long threshold)
    {
        var detection = context.Features.Get<IHttpRequestBodyDetectionFeature>();
        if (detection is { CanHaveBody: false })
        {
            return new BodyReadResult(RecordedBody.Empty, null);
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
            catch (Exception ex) when (ex is IOException or ConnectionResetException or OperationCanceledException or BadHttpRequestException or InvalidOperationException)
            {
                failure = ex;
            }

            return new BodyReadResult(await sink.CompleteAsync().ConfigureAwait(false), failure);
        }
    }
}
