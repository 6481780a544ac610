using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FakeHttpFixture;

/// <summary>Answers with the recorded response of a HAR entry that matches the request (<see cref="ReplayBook"/>); asked right after the stubs.</summary>
internal sealed class ReplayResponder(ReplayBook book) : IResponder
{
    public ResponseSource Stage => ResponseSource.Replay;

    public async ValueTask<bool> TryRespondAsync(Exchange exchange)
    {
        if (book.Take(exchange.Request) is not { } entry)
        {
            return false;
        }

        var context = exchange.Context;
        var response = context.Response;
        response.StatusCode = entry.Status;
        if (entry.ReasonPhrase is { } reason && !HttpProtocol.IsHttp2(context.Request.Protocol) && !HttpProtocol.IsHttp3(context.Request.Protocol))
        {
            context.Features.GetRequiredFeature<IHttpResponseFeature>().ReasonPhrase = reason;
            exchange.Request.MarkReasonPhrase(reason);
        }

        foreach (var (name, values) in entry.Headers)
        {
            response.Headers[name] = values;
        }

        response.ContentLength = entry.ContentLength;
        if ((entry.Body.Length == 0 && entry.BreakAfter is null) || HttpMethods.IsHead(context.Request.Method))
        {
            return true;
        }

        try
        {
            if (entry.BreakAfter is { } after)
            {
                // The recorded answer broke off: the bytes it got, then the same break the client saw live.
                await response.BodyWriter.WriteAsync(entry.Body.AsMemory(0, (int)Math.Min(after, entry.Body.Length)), exchange.Aborted).ConfigureAwait(false);
                await response.BodyWriter.FlushAsync(exchange.Aborted).ConfigureAwait(false);
                if (entry.ContentLength is null)
                {
                    exchange.Abort();
                }
                else
                {
                    exchange.EndShort();
                }

                return true;
            }

            await response.BodyWriter.WriteAsync(entry.Body, exchange.Aborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ClientGone.Is(ex))
        {
            // The client went away mid-body; the record says the response broke off.
            exchange.Abort();
        }

        return true;
    }
}
