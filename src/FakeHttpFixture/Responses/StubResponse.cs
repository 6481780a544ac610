using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>
/// Describes one answer of the server: a status, headers and a body, and how it is delivered (delays,
/// throttling, chunks) or broken (resets, truncation). Instances are immutable: every <c>With…</c> method returns a copy,
/// so one response can be reused by several stubs.
/// </summary>
public sealed partial class StubResponse
{
    private StubResponse()
    {
    }

    internal int StatusCode { get; private set; } = StatusCodes.Status200OK;

    internal KeyValuePair<string, string>[] Headers { get; private set; } = [];

    internal string? ContentType { get; private set; }

    internal byte[]? Content { get; private set; }

    internal string? FilePath { get; private set; }

    internal Func<Stream>? OpenStream { get; private set; }

    internal Func<HttpContext, Task>? HandlerDelegate { get; private set; }

    internal Func<HttpContext, StubResponse>? Chooser { get; private set; }

    internal ResponseFault Fault { get; private set; }

    internal int FaultArgument { get; private set; }

    internal TimeSpan Delay { get; private set; }

    internal TimeSpan BodyDelay { get; private set; }

    internal int BytesPerSecond { get; private set; }

    internal int ChunkSize { get; private set; }

    /// <summary>Answers <paramref name="statusCode"/> with an empty body, such as 503 for a retry test.</summary>
    /// <param name="statusCode">The HTTP status code, 100 to 999.</param>
    /// <returns>The response.</returns>
    public static StubResponse Status(int statusCode) => new StubResponse().WithStatus(statusCode);

    /// <summary>Answers 200 with <paramref name="text"/> encoded as UTF-8.</summary>
    /// <param name="text">The body.</param>
    /// <param name="contentType">The Content-Type header.</param>
    /// <returns>The response.</returns>
    public static StubResponse Text(string text, string contentType = "text/plain; charset=utf-8")
    {
        ArgumentNullException.ThrowIfNull(text);
        return new StubResponse { Content = Encoding.UTF8.GetBytes(text), ContentType = contentType };
    }

    /// <summary>Answers 200 with exactly <paramref name="content"/>.</summary>
    /// <param name="content">The body; the array is not copied, so do not change it while the server runs.</param>
    /// <param name="contentType">The Content-Type header.</param>
    /// <returns>The response.</returns>
    public static StubResponse Bytes(byte[] content, string contentType = "application/octet-stream")
    {
        ArgumentNullException.ThrowIfNull(content);
        return new StubResponse { Content = content, ContentType = contentType };
    }

    /// <summary>Answers 200 with <paramref name="value"/> serialized by System.Text.Json, now rather than per request.</summary>
    /// <typeparam name="T">The type to serialize as.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="options">Serializer options; <see langword="null"/> for the web defaults (camelCase names).</param>
    /// <returns>The response, with Content-Type application/json.</returns>
    public static StubResponse Json<T>(T value, JsonSerializerOptions? options = null) =>
        new() { Content = JsonSerializer.SerializeToUtf8Bytes(value, options ?? WebJson.Options), ContentType = "application/json; charset=utf-8" };

    /// <summary>
    /// File answers 200 with a file of the served tree, read when the request comes, its type taken from its extension through
    /// <see cref="HttpFixtureOptions.ContentTypes"/>, as the files stage types it.
    /// A missing file is a mistake in the test: the client gets 500 and <see cref="HttpFixtureServer.Verify"/> reports it.
    /// </summary>
    /// <param name="path">The file's path in the served tree, such as "fixtures/order.json".</param>
    /// <param name="contentType">The Content-Type header; <see langword="null"/> to take it from the extension.</param>
    /// <returns>The response.</returns>
    public static StubResponse File(string path, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var relative = path.Replace('\\', '/').TrimStart('/');
        if (!ServedTree.IsPlainRelativePath(relative))
        {
            throw new ArgumentException($"'{path}' does not name a file of the served tree: give its path from the root, such as \"fixtures/order.json\", without '.' or '..' segments.", nameof(path));
        }

        return new StubResponse { FilePath = relative, ContentType = contentType };
    }

    /// <summary>Answers 200 with the content of a stream opened for each request and disposed after it, for bodies too large to hold.</summary>
    /// <param name="open">Opens the stream; a seekable stream also gives the Content-Length.</param>
    /// <param name="contentType">The Content-Type header.</param>
    /// <returns>The response.</returns>
    public static StubResponse Stream(Func<Stream> open, string contentType = "application/octet-stream")
    {
        ArgumentNullException.ThrowIfNull(open);
        return new StubResponse { OpenStream = open, ContentType = contentType };
    }

    /// <summary>
    /// Handler lets <paramref name="handler"/> write the response itself; a template's values are in
    /// <c>context.Request.RouteValues</c>. An exception it throws answers 500 and is reported by <see cref="HttpFixtureServer.Verify"/>.
    /// </summary>
    /// <param name="handler">Writes the response.</param>
    /// <returns>The response.</returns>
    public static StubResponse Handler(Func<HttpContext, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new StubResponse { HandlerDelegate = handler };
    }

    /// <summary>Picks the response per request, for example from <c>context.Request.RouteValues["id"]</c>; its delays and faults apply as if it had been stubbed.</summary>
    /// <param name="choose">Returns the response for a request.</param>
    /// <returns>The response.</returns>
    public static StubResponse From(Func<HttpContext, StubResponse> choose)
    {
        ArgumentNullException.ThrowIfNull(choose);
        return new StubResponse { Chooser = choose };
    }

    /// <summary>Breaks the connection (a TCP reset) before anything is answered; an HttpClient sees an <see cref="HttpRequestException"/> caused by an <see cref="IOException"/>.</summary>
    /// <returns>The response.</returns>
    public static StubResponse ResetConnection() => new() { Fault = ResponseFault.ResetConnection };

    /// <summary>Resets the HTTP/2 stream with <paramref name="errorCode"/> (RST_STREAM), keeping the connection; on HTTP/1.1 it resets the connection.</summary>
    /// <param name="errorCode">The HTTP/2 error code; 2 is INTERNAL_ERROR.</param>
    /// <returns>The response.</returns>
    public static StubResponse ResetStream(int errorCode = ConnectionFaults.InternalError) => new() { Fault = ResponseFault.ResetStream, FaultArgument = errorCode };

    /// <summary>Sends bytes that are not HTTP instead of a status line, then closes the connection, as a misconfigured proxy might.</summary>
    /// <returns>The response.</returns>
    public static StubResponse MalformedStatusLine() => new() { Fault = ResponseFault.MalformedStatusLine };

    /// <summary>Never answers: the request waits until the client gives up or the server is disposed, for timeout tests.</summary>
    /// <returns>The response.</returns>
    public static StubResponse Hang() => new() { Fault = ResponseFault.Hang };

    /// <summary>Returns a copy with another status code.</summary>
    /// <param name="statusCode">The HTTP status code, 100 to 999.</param>
    /// <returns>The copy.</returns>
    public StubResponse WithStatus(int statusCode)
    {
        HttpStatus.ThrowIfInvalid(statusCode);
        var copy = Copy();
        copy.StatusCode = statusCode;
        return copy;
    }

    /// <summary>Returns a copy that also sends the header <paramref name="name"/>; call it again to send several values.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The copy.</returns>
    public StubResponse WithHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        var copy = Copy();
        copy.Headers = [.. Headers, new(name, value)];
        return copy;
    }

    /// <summary>Returns a copy that waits <paramref name="delay"/> before sending the headers, as a slow server does.</summary>
    /// <param name="delay">The wait.</param>
    /// <returns>The copy.</returns>
    public StubResponse WithDelay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        var copy = Copy();
        copy.Delay = delay;
        return copy;
    }

    /// <summary>Returns a copy that sends the headers at once and waits <paramref name="delay"/> before the body, to test read timeouts.</summary>
    /// <param name="delay">The wait.</param>
    /// <returns>The copy.</returns>
    public StubResponse WithBodyDelay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        var copy = Copy();
        copy.BodyDelay = delay;
        return copy;
    }

    /// <summary>Returns a copy that sends the body at about <paramref name="bytesPerSecond"/>, to test progress and slow downloads.</summary>
    /// <param name="bytesPerSecond">The rate, at least 1.</param>
    /// <returns>The copy.</returns>
    public StubResponse WithThrottle(int bytesPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bytesPerSecond, 1);
        var copy = Copy();
        copy.BytesPerSecond = bytesPerSecond;
        return copy;
    }

    /// <summary>Returns a copy sent without Content-Length, in chunks of <paramref name="chunkSize"/> bytes each flushed on its own (Transfer-Encoding: chunked on HTTP/1.1).</summary>
    /// <param name="chunkSize">The bytes per chunk, at least 1.</param>
    /// <returns>The copy.</returns>
    public StubResponse Chunked(int chunkSize = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        var copy = Copy();
        copy.ChunkSize = chunkSize;
        return copy;
    }

    /// <summary>Returns a copy that sends the status and headers, promising the body, then closes the connection without it.</summary>
    /// <returns>The copy.</returns>
    public StubResponse CloseAfterHeaders() => WithFault(ResponseFault.CloseAfterHeaders, 0);

    /// <summary>Returns a copy that promises the whole body in Content-Length but closes the connection after <paramref name="bytesSent"/> bytes, to test resumable downloads.</summary>
    /// <param name="bytesSent">The bytes sent before the connection closes; fewer than the body has.</param>
    /// <returns>The copy.</returns>
    public StubResponse TruncateAfter(int bytesSent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytesSent);
        return WithFault(ResponseFault.TruncateAfter, bytesSent);
    }

    /// <summary>Returns a short description such as "503" or "200 application/json (42 B)", for messages.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Fault.ReplacesResponse()
        ? Fault.ToString()
        : WebSocketConversation is not null ? "WebSocket"
        : $"{StatusCode}{(ContentType is null ? string.Empty : " " + ContentType)}{(Content is null ? string.Empty : $" ({Content.Length} B)")}";

    private StubResponse WithFault(ResponseFault fault, int argument)
    {
        var copy = Copy();
        copy.Fault = fault;
        copy.FaultArgument = argument;
        return copy;
    }

    private StubResponse Copy() => (StubResponse)MemberwiseClone();
}
