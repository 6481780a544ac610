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
        }

        foreach (var (name, values) in entry.Headers)
        {
            response.Headers[name] = values;
        }

        response.ContentLength = entry.ContentLength;
        if (entry.Body.Length == 0 || HttpMethods.IsHead(context.Request.Method))
        {
            return true;
        }

        try
        {
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
