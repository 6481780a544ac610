using System.Collections.Concurrent;

namespace FakeHttpFixture;

/// <summary>
/// Answers requests that match a documented operation with the operation's first 2xx response (<see cref="AnswerMaker"/>), made once
/// per operation; what the document lacks, or an operation without a 2xx response, goes on to files, the proxy and the fallback.
/// </summary>
internal sealed class OpenApiAnswerStage(ContractDocument document) : IAnsweringStage
{
    private readonly ConcurrentDictionary<ContractOperation, PreparedAnswer?> _answers = new();

    public string Name => "openapi";

    public async ValueTask<bool> TryAnswerAsync(FixtureExchange exchange)
    {
        var request = exchange.Request;
        var method = request.Method == "HEAD" ? "GET" : request.Method;
        if (document.Find(method, request.Path, out _, out _) is not { } operation
            || _answers.GetOrAdd(operation, o => AnswerMaker.Make(document, o)) is not { } answer)
        {
            return false;
        }

        var response = exchange.HttpContext.Response;
        response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers[name] = value;
        }

        if (answer.ContentType is not null)
        {
            response.ContentType = answer.ContentType;
        }

        response.ContentLength = answer.Body.Length;
        if (request.Method != "HEAD" && answer.Body.Length != 0)
        {
            await response.Body.WriteAsync(answer.Body, exchange.Aborted).ConfigureAwait(false);
        }

        return true;
    }
}
