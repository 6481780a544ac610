using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>Plays a <see cref="StubResponse"/> on an exchange: waits, faults, status, headers and body.</summary>
/// <param name="files">The served tree, for responses that answer with one of its files.</param>
/// <param name="problems">Where a handler's exception goes, for Verify.</param>
/// <param name="stopping">Cancelled when the server starts to stop, which ends hanging and delayed responses at once.</param>
internal sealed class ResponsePlayer(ServedTree files, ProblemLog problems, CancellationToken stopping)
{
    public async Task PlayAsync(Exchange exchange, StubResponse response)
    {
        // Waits end when the client gives up or the server stops, so a hanging response never holds up dispose;
        // a response that does not wait needs no linked token, which keeps the common case free of the allocation.
        using var waits = Waits(response) ? CancellationTokenSource.CreateLinkedTokenSource(exchange.Aborted, stopping) : null;
        var token = waits?.Token ?? exchange.Aborted;
        try
        {
            await PlayCoreAsync(exchange, response, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client gave up or the server is stopping: nobody reads the answer any more.
            exchange.Abort();
        }
        catch (Exception ex) when (ex is IOException or ConnectionResetException && exchange.Aborted.IsCancellationRequested)
        {
            // The client went away mid-body; that is the client's business, not a fault of the test.
            exchange.Abort();
        }
        catch (Exception ex)
        {
            problems.HandlerFailed(exchange.Request, ex, exchange.Context.Response.HasStarted);
            await exchange.AnswerFailureAsync($"FakeHttpFixture: the stub failed with {ex.GetType().Name}: {ex.Message}\n").ConfigureAwait(false);
        }
    }

    private static bool Waits(StubResponse response) =>
        response.Delay > TimeSpan.Zero || response.BodyDelay > TimeSpan.Zero || response.BytesPerSecond > 0
        || response.Fault == ResponseFault.Hang || response.Chooser is not null || response.HandlerDelegate is not null
        || response.EventStreamScript is not null || response.WebSocketConversation is not null;

    private async Task PlayCoreAsync(Exchange exchange, StubResponse response, CancellationToken token)
    {
        var context = exchange.Context;
        if (response.Delay > TimeSpan.Zero)
        {
            await Task.Delay(response.Delay, token).ConfigureAwait(false);
        }

        if (response.Fault.ReplacesResponse())
        {
            // Recorded before it is played: the response these faults replace is never sent, so no status is recorded.
            exchange.PlayFault(response.Fault);
        }

        switch (response.Fault)
        {
            case ResponseFault.ResetConnection:
                ConnectionFaults.Reset(context);
                return;
            case ResponseFault.ResetStream:
                ConnectionFaults.ResetStream(context, response.FaultArgument);
                return;
            case ResponseFault.MalformedStatusLine:
                await ConnectionFaults.SendMalformedStatusLineAsync(context, token).ConfigureAwait(false);
                return;
            case ResponseFault.Hang:
                await Task.Delay(Timeout.Infinite, token).ConfigureAwait(false);
                return;
        }

        if (response.Chooser is { } choose)
        {
            await PlayCoreAsync(exchange, choose(context) ?? throw new InvalidOperationException("The StubResponse.From callback returned null; return a StubResponse."), token).ConfigureAwait(false);
            return;
        }

        if (response.HandlerDelegate is { } handler)
        {
            await handler(context).ConfigureAwait(false);
            return;
        }

        if (response.EventStreamScript is { } events)
        {
            await EventStreamPlayer.PlayAsync(exchange, response, events, token).ConfigureAwait(false);
            return;
        }

        if (response.WebSocketConversation is { } conversation)
        {
            await WebSocketPlayer.PlayAsync(exchange, response, conversation, token).ConfigureAwait(false);
            return;
        }

        var http = context.Response;
        http.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            http.Headers.Append(name, value);
        }

        var contentType = response.ContentType;
        var content = response.Content;
        Stream? stream = null;
        long? length = content?.LongLength;
        if (response.FilePath is { } path)
        {
            if (files.Find(path, out var file) != ServedKind.File)
            {
                throw new FileNotFoundException($"The stubbed file '/{path}' is not in the served tree. Add it to the tree, or fix the path given to StubResponse.File.", path);
            }

            content = file!.Content;
            stream = content is null ? new FileStream(file.PhysicalPath!, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan) : null;
            length = file.Length;
            contentType ??= files.ContentTypes.For(path);
        }
        else if (response.OpenStream is { } open)
        {
            stream = open();
            length = stream.CanSeek ? stream.Length - stream.Position : null;
        }
        else
        {
            length ??= 0;
        }

        // try/finally rather than "await using (stream)", which would resume on the caller's context: the stream may be null.
        try
        {
            if (contentType is not null)
            {
                http.ContentType = contentType;
            }

            await WriteBodyAsync(context, response, content, stream, length, token).ConfigureAwait(false);
        }
        finally
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }

        if (response.Fault != ResponseFault.None && !HttpMethods.IsHead(context.Request.Method))
        {
            // Recorded once the status and headers are out (they were sent and are recorded); the body that follows is broken.
            await http.StartAsync(token).ConfigureAwait(false);
            exchange.PlayFault(response.Fault);
        }
    }

    private static async Task WriteBodyAsync(HttpContext context, StubResponse response, byte[]? content, Stream? stream, long? length, CancellationToken token)
    {
        var http = context.Response;
        var fault = response.Fault;
        if (fault == ResponseFault.CloseAfterHeaders)
        {
            // A promised length the app does not fulfil makes Kestrel close the connection once what was written has been sent:
            // a clean close after the headers, with no race against the socket.
            http.ContentLength = length is > 0 ? length : 1;
            await http.StartAsync(token).ConfigureAwait(false);
            await http.Body.FlushAsync(token).ConfigureAwait(false);
            return;
        }

        if (response.ChunkSize == 0 && length is not null)
        {
            http.ContentLength = length;
        }

        if (response.BodyDelay > TimeSpan.Zero)
        {
            await http.StartAsync(token).ConfigureAwait(false);
            await http.Body.FlushAsync(token).ConfigureAwait(false);
            await Task.Delay(response.BodyDelay, token).ConfigureAwait(false);
        }

        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        var limit = fault == ResponseFault.TruncateAfter ? response.FaultArgument : long.MaxValue;
        if (content is not null)
        {
            await BodyPump.WriteAsync(http, content.AsMemory(0, (int)Math.Min(content.LongLength, limit)), response, token).ConfigureAwait(false);
        }
        else if (stream is not null)
        {
            await BodyPump.CopyAsync(http, stream, limit, response, token).ConfigureAwait(false);
        }

        // A truncated body returns short of its Content-Length, so Kestrel closes the connection after the bytes written
        // (HTTP/1.1) or resets the stream (HTTP/2). Flushed first, to give the bytes a head start over an HTTP/2 reset,
        // which drops what Kestrel has not yet written; over HTTP/1.1 every byte written goes out before the close.
        if (fault == ResponseFault.TruncateAfter)
        {
            await http.Body.FlushAsync(token).ConfigureAwait(false);
        }
    }
}
