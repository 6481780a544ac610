using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FakeHttpFixture;

/// <summary>
/// Forwards what no stub, replayed entry or file answered to the upstream of ProxyTo and streams its answer back as sent: status,
/// headers (but the hop-by-hop ones) and body, in both directions a buffer at a time. The exchange records the answer, body
/// included, as for any stage. An upstream that fails before its answer has started gets the client a 502 saying how; after,
/// the client's response is broken off, as the upstream's was. Every wait on the upstream is bounded by UpstreamTimeout.
/// </summary>
internal sealed class ProxyResponder(Uri upstream, HttpMessageInvoker client, TimeSpan timeout, CancellationToken stopping) : IResponder
{
    private const int BufferSize = 64 * 1024;

    // The upstream's origin and path prefix, which every request's raw target follows: "https://api.example.com/v2".
    private readonly string _base = upstream.GetLeftPart(UriPartial.Authority) + upstream.AbsolutePath.TrimEnd('/');

    public ResponseSource Stage => ResponseSource.Proxy;

    public async ValueTask<bool> TryRespondAsync(Exchange exchange)
    {
        if (ProxyPath.Escape(exchange.Request.RawTarget) is { } escape)
        {
            await RefuseAsync(exchange, escape).ConfigureAwait(false);
            return true;
        }

        using var life = CancellationTokenSource.CreateLinkedTokenSource(exchange.Aborted, stopping);
        using var message = Forward(exchange, life);
        HttpResponseMessage answer;
        try
        {
            life.CancelAfter(timeout);
            answer = await client.SendAsync(message, life.Token).ConfigureAwait(false);
            life.CancelAfter(Timeout.InfiniteTimeSpan);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            await FailAsync(exchange, ex, life).ConfigureAwait(false);
            return true;
        }

        using (answer)
        {
            Answer(exchange.Context, exchange.Request, answer);
            if (!HttpMethods.IsHead(exchange.Request.Method))
            {
                await StreamBodyAsync(exchange, answer.Content, life).ConfigureAwait(false);
            }
        }

        return true;
    }

    private HttpRequestMessage Forward(Exchange exchange, CancellationTokenSource life)
    {
        var recorded = exchange.Request;
        var headers = exchange.Context.Request.Headers;

        // The raw target keeps the client's escaping; an absolute-form target (a client that takes the fixture for its proxy) gives its path.
        var target = recorded.RawTarget.StartsWith('/') ? recorded.RawTarget : new PathString(recorded.Path).ToUriComponent() + recorded.QueryString;
        var message = new HttpRequestMessage(HttpMethod.Parse(recorded.Method), _base + target)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };

        // The body was recorded whole before any stage ran; it goes on from there, from its temp file when it was spilled. Each
        // read restarts the timeout: it bounds how long the upstream stops taking the body, not how long a large body takes.
        if (recorded.BodyLength > 0 || headers.ContentLength is not null || headers.ContainsKey(HeaderNames.TransferEncoding))
        {
            var body = recorded.BodyLength == 0 ? recorded.OpenBody() : new ProgressStream(recorded.OpenBody(), () => life.CancelAfter(timeout));
            message.Content = new StreamContent(body, BufferSize) { Headers = { ContentLength = recorded.BodyLength } };
        }

        var connection = headers.Connection.Count == 0 ? null : HopByHopHeaders.Listed(headers.Connection);
        foreach (var (name, values) in headers)
        {
            // Host becomes the upstream's (HttpClient sets it from the URL); the body's length and framing are the content's own.
            if (HopByHopHeaders.Contains(name, connection) || name.Equals(HeaderNames.Host, StringComparison.OrdinalIgnoreCase)
                || name.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase) || name.Equals(HeaderNames.Expect, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var added = values.Count == 1 ? message.Headers.TryAddWithoutValidation(name, values[0]) : message.Headers.TryAddWithoutValidation(name, values.ToArray());
            if (!added && message.Content is { } content)
            {
                _ = values.Count == 1 ? content.Headers.TryAddWithoutValidation(name, values[0]) : content.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        return message;
    }

    private static void Answer(HttpContext context, RecordedRequest recorded, HttpResponseMessage answer)
    {
        var response = context.Response;
        var status = (int)answer.StatusCode;
        response.StatusCode = status;

        // Only a phrase a status line can carry as it came (visible ASCII) is passed on and recorded; else the standard one goes.
        var custom = answer.ReasonPhrase is { Length: > 0 } own && own != ReasonPhrases.GetReasonPhrase(status) && own.All(c => c is '\t' or (>= ' ' and < '\u007f')) ? own : null;
        if (custom is { } reason && HttpProtocol.IsHttp11(context.Request.Protocol))
        {
            context.Features.GetRequiredFeature<IHttpResponseFeature>().ReasonPhrase = reason;
        }

        if (custom is { } phrase)
        {
            // The recording keeps the service's own phrase, whichever protocol the client spoke.
            recorded.MarkReasonPhrase(phrase);
        }

        var connection = answer.Headers.NonValidated.TryGetValues(HeaderNames.Connection, out var listed) ? HopByHopHeaders.Listed(listed) : null;
        foreach (var (name, values) in answer.Headers.NonValidated)
        {
            Copy(response.Headers, name, values, connection);
        }

        foreach (var (name, values) in answer.Content.Headers.NonValidated)
        {
            Copy(response.Headers, name, values, connection);
        }
    }

    private static void Copy(IHeaderDictionary headers, string name, HeaderStringValues values, string[]? connection)
    {
        if (HopByHopHeaders.Contains(name, connection))
        {
            return;
        }

        if (values.Count == 1)
        {
            foreach (var value in values)
            {
                headers[name] = value;
            }

            return;
        }

        headers[name] = values.ToArray();
    }

    private async Task StreamBodyAsync(Exchange exchange, HttpContent content, CancellationTokenSource life)
    {
        var body = exchange.Context.Response.Body;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var source = await content.ReadAsStreamAsync(life.Token).ConfigureAwait(false);
            while (true)
            {
                int read;
                try
                {
                    // The timeout is for the upstream's pauses, not for a slow client, so it runs only while a read waits.
                    life.CancelAfter(timeout);
                    read = await source.ReadAsync(buffer, life.Token).ConfigureAwait(false);
                    life.CancelAfter(Timeout.InfiniteTimeSpan);
                }
                catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
                {
                    await FailAsync(exchange, ex, life).ConfigureAwait(false);
                    return;
                }

                if (read == 0)
                {
                    return;
                }

                await body.WriteAsync(buffer.AsMemory(0, read), life.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ClientGone.Is(ex))
        {
            // The client went away, or the server is stopping: nobody reads the rest.
            exchange.Abort();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Mid-body, the client's response breaks the way the upstream's did. Short of a Content-Length, the bytes sent are flushed and the
    // response ends early, which the client sees as a body that ended prematurely; a chunked body has no length to fall short of,
    // so only a reset keeps its client from taking the part for the whole.
    private static async Task BreakOffAsync(Exchange exchange, HttpResponse response)
    {
        if (response.ContentLength is null)
        {
            exchange.Abort();
            return;
        }

        try
        {
            await response.Body.FlushAsync(exchange.Aborted).ConfigureAwait(false);
            exchange.EndShort();
        }
        catch (Exception ex) when (ClientGone.Is(ex))
        {
            exchange.Abort();
        }
    }

    // A path the upstream would resolve above the base of ProxyTo never leaves the fixture: 400, saying why, marked as its own answer.
    private async Task RefuseAsync(Exchange exchange, string why)
    {
        var request = exchange.Request;
        request.MarkAnsweredByFixture();
        var response = exchange.Context.Response;
        response.StatusCode = StatusCodes.Status400BadRequest;
        response.ContentType = "text/plain; charset=utf-8";
        if (HttpMethods.IsHead(request.Method))
        {
            return;
        }

        try
        {
            await response.WriteAsync($"FakeHttpFixture did not forward {request.Method} {request.RawTarget} to {upstream}: {why}\n", exchange.Aborted).ConfigureAwait(false);
        }
        catch (Exception write) when (write is OperationCanceledException or IOException or ConnectionResetException)
        {
            exchange.Abort();
        }
    }

    // A failure of the upstream, unless the client left or the server is stopping, which cancel the same token: 502 with a sentence
    // while nothing has gone out to the client yet, else the client's response is broken off. Either way the record says which.
    private async Task FailAsync(Exchange exchange, Exception ex, CancellationTokenSource life)
    {
        if (exchange.Aborted.IsCancellationRequested || stopping.IsCancellationRequested)
        {
            exchange.Abort();
            return;
        }

        var failure = UpstreamFailures.Classify(ex, timedOut: life.IsCancellationRequested);
        var request = exchange.Request;
        exchange.NoteUpstreamFailure(failure);
        var response = exchange.Context.Response;
        if (response.HasStarted)
        {
            await BreakOffAsync(exchange, response).ConfigureAwait(false);
            return;
        }

        response.Clear();
        response.StatusCode = StatusCodes.Status502BadGateway;
        response.ContentType = "text/plain; charset=utf-8";
        if (HttpMethods.IsHead(request.Method))
        {
            return;
        }

        try
        {
            await response.WriteAsync($"FakeHttpFixture could not proxy {request.Method} {request.Path}{request.QueryString}: the upstream {upstream} {UpstreamFailures.Describe(failure, timeout)} ({failure}).\n", exchange.Aborted).ConfigureAwait(false);
        }
        catch (Exception write) when (ClientGone.Is(write))
        {
            exchange.Abort();
        }
    }
}
