using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>Writes the inspector's answers: text, JSON made with a <see cref="Utf8JsonWriter"/>, and the journal as a HAR download.</summary>
internal static class InspectorResults
{
    public static Task TextAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }

    public static async Task JsonAsync(HttpContext context, Action<Utf8JsonWriter> write)
    {
        // Written whole before it goes out: the writer is synchronous, and Kestrel refuses synchronous writes to the response.
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = buffer.WrittenCount;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>The journal as <see cref="HttpFixtureServer.SaveHar"/> writes it (the same writer, the same redacted headers), as a download.</summary>
    public static async Task HarAsync(HttpContext context, HttpFixtureServer server)
    {
        using var har = new MemoryStream();
        HarWriter.Write(har, server.Requests, server.BaseAddress, new HeaderRedaction(server.StartOptions.RedactedHeaders));
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.ContentDisposition = string.Create(CultureInfo.InvariantCulture, $"attachment; filename=\"fakehttp-{server.Port}.har\"");
        context.Response.ContentLength = har.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(har.GetBuffer().AsMemory(0, (int)har.Length), context.RequestAborted).ConfigureAwait(false);
        }
    }

    /// <summary>Returns what <paramref name="write"/> writes, as a string, for an event of the live feed.</summary>
    public static string JsonText(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
