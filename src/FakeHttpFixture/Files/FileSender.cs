using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>
/// Sends one file: validators, conditional requests, HEAD and byte ranges. In-memory files are written straight from their
/// array to Kestrel's response pipe (no stream, no copy per request); files on disk go through SendFileAsync.
/// </summary>
internal static class FileSender
{
    public static async ValueTask SendAsync(HttpContext context, ServedFile file, string contentType)
    {
        var request = context.Request;
        var response = context.Response;
        var status = Preconditions.Evaluate(request.Headers, file);
        if (status == StatusCodes.Status412PreconditionFailed)
        {
            response.StatusCode = status;
            response.ContentLength = 0;
            return;
        }

        var headers = response.Headers;
        headers.ETag = file.ETag;
        headers.LastModified = file.LastModifiedText;
        if (status == StatusCodes.Status304NotModified)
        {
            response.StatusCode = status;
            return;
        }

        headers.AcceptRanges = "bytes";
        var isGet = HttpMethods.IsGet(request.Method);
        var rangeHeader = request.Headers.Range;

        // Range is defined for GET only (RFC 9110 14.2): HEAD answers as a plain GET would.
        var ranges = isGet && rangeHeader.Count != 0 && (request.Headers.IfRange.Count == 0 || Preconditions.IfRangeHolds(request.Headers.IfRange.ToString(), file))
            ? ByteRanges.Select(rangeHeader.ToString(), file.Length)
            : null;

        if (ranges is null)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = contentType;
            response.ContentLength = file.Length;
            if (isGet)
            {
                await WriteAsync(context, file, 0, file.Length).ConfigureAwait(false);
            }

            return;
        }

        if (ranges.Count == 0)
        {
            response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
            headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes */{file.Length}");
            response.ContentLength = 0;
            return;
        }

        response.StatusCode = StatusCodes.Status206PartialContent;
        if (ranges.Count == 1)
        {
            var (start, length) = ranges[0];
            headers.ContentRange = ContentRange(start, length, file.Length);
            response.ContentType = contentType;
            response.ContentLength = length;
            await WriteAsync(context, file, start, length).ConfigureAwait(false);
            return;
        }

        await WriteMultipartAsync(context, file, contentType, ranges).ConfigureAwait(false);
    }

    private static async ValueTask WriteMultipartAsync(HttpContext context, ServedFile file, string contentType, List<(long Start, long Length)> ranges)
    {
        var boundary = "fakehttp-" + Guid.NewGuid().ToString("N");
        var parts = new byte[ranges.Count][];
        long total = 0;
        for (var i = 0; i < ranges.Count; i++)
        {
            var (start, length) = ranges[i];
            var head = $"{(i == 0 ? string.Empty : "\r\n")}--{boundary}\r\nContent-Type: {contentType}\r\nContent-Range: {ContentRange(start, length, file.Length)}\r\n\r\n";
            parts[i] = Encoding.ASCII.GetBytes(head);
            total += parts[i].Length + length;
        }

        var end = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
        var response = context.Response;
        response.ContentType = "multipart/byteranges; boundary=" + boundary;
        response.ContentLength = total + end.Length;
        for (var i = 0; i < ranges.Count; i++)
        {
            await response.BodyWriter.WriteAsync(parts[i], context.RequestAborted).ConfigureAwait(false);
            await WriteAsync(context, file, ranges[i].Start, ranges[i].Length).ConfigureAwait(false);
        }

        await response.BodyWriter.WriteAsync(end, context.RequestAborted).ConfigureAwait(false);
    }

    private static async ValueTask WriteAsync(HttpContext context, ServedFile file, long start, long length)
    {
        try
        {
            if (file.Content is { } content)
            {
                await context.Response.BodyWriter.WriteAsync(content.AsMemory((int)start, (int)length), context.RequestAborted).ConfigureAwait(false);
            }
            else
            {
                await SendFromDiskAsync(context, file, start, length).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-body; nobody is left to answer.
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && file.PhysicalPath is not null)
        {
            // The test deleted or locked the file between the lookup and the send.
            AnswerVanishedFile(context, ex);
        }
    }

    // Methods of their own, so that answering from memory never loads Microsoft.AspNetCore.Http.Extensions, where SendFileAsync
    // and HttpResponse.Clear live: the JIT loads the assemblies a method names when it compiles the method, branch taken or not.
    private static Task SendFromDiskAsync(HttpContext context, ServedFile file, long start, long length)
    {
        // A whole file goes without a count: Kestrel then copies with Stream.CopyToAsync, while a count makes it rent
        // a 64 KB buffer per request (docs/benchmarks.md has the allocations).
        long? count = start == 0 && length == file.Length ? null : length;
        return context.Response.SendFileAsync(file.PhysicalPath!, start, count, context.RequestAborted);
    }

    private static void AnswerVanishedFile(HttpContext context, Exception exception)
    {
        if (context.Response.HasStarted)
        {
            // Fewer bytes than Content-Length promised: only closing the connection tells the client.
            context.Abort();
            return;
        }

        context.Response.Clear();
        context.Response.StatusCode = exception is UnauthorizedAccessException ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound;
    }

    private static string ContentRange(long start, long length, long total) =>
        string.Create(CultureInfo.InvariantCulture, $"bytes {start}-{start + length - 1}/{total}");
}
