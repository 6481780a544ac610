using System.Buffers;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FakeHttpFixture;

/// <summary>Reads a request body to its end, keeping exactly the bytes received, also when the client goes away mid-body.</summary>
internal static class RequestBodyReader
{
    public static async ValueTask<BodyReadResult> ReadAsync(HttpContext context)
    {
        var request = context.Request;
        var detection = context.Features.Get<IHttpRequestBodyDetectionFeature>();
        if (detection is { CanHaveBody: false })
        {
            return new BodyReadResult([], null);
        }

        var reader = request.BodyReader;
        var length = request.ContentLength;
        var writer = new ArrayBufferWriter<byte>(length is > 0 and < int.MaxValue ? (int)length.Value : 4096);
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
                foreach (var segment in result.Buffer)
                {
                    writer.Write(segment.Span);
                }

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
            return new BodyReadResult(writer.WrittenSpan.ToArray(), ex);
        }

        // Content-Length is usually exact, so the buffer is already the right size and this is the only copy.
        return new BodyReadResult(writer.WrittenSpan.ToArray(), null);
    }
}
