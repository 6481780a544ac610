using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>
/// Answers a request whose stage failed with something the test did not script (an I/O error of the served tree): 500 with a
/// sentence saying what failed when the response has not started, an aborted response when it has. Either way the record shows
/// what went on the wire, never the 200 the stage had set before it failed.
/// </summary>
internal static class ServerFailure
{
    public static async Task AnswerAsync(Exchange exchange, Exception exception)
    {
        var response = exchange.Context.Response;
        if (exchange.Aborted.IsCancellationRequested || response.HasStarted)
        {
            exchange.Abort();
            return;
        }

        response.Clear();
        response.StatusCode = StatusCodes.Status500InternalServerError;
        response.ContentType = "text/plain; charset=utf-8";
        try
        {
            await response.WriteAsync($"FakeHttpFixture could not answer {exchange.Request.Method} {exchange.Request.Path}: {exception.GetType().Name}: {exception.Message}\n", exchange.Aborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ConnectionResetException)
        {
            // The client is gone; the record says the response broke off.
            exchange.Abort();
        }
    }
}
