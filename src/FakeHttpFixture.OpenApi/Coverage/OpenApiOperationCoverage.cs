namespace FakeHttpFixture;

/// <summary>How much of one documented operation a server's exchanges exercised.</summary>
public sealed class OpenApiOperationCoverage
{
    internal OpenApiOperationCoverage(string method, string pathTemplate, string? operationId, int calls, IReadOnlyList<string> documentedResponses,
        IReadOnlyList<int> statusCodesSeen, IReadOnlyList<string> responsesNotSeen)
    {
        Method = method;
        PathTemplate = pathTemplate;
        OperationId = operationId;
        Calls = calls;
        DocumentedResponses = documentedResponses;
        StatusCodesSeen = statusCodesSeen;
        ResponsesNotSeen = responsesNotSeen;
    }

    /// <summary>Gets the method in capitals, such as "GET".</summary>
    public string Method { get; }

    /// <summary>Gets the path as the document writes it, such as "/pets/{petId}".</summary>
    public string PathTemplate { get; }

    /// <summary>Gets the operation's operationId, or <see langword="null"/> when it has none.</summary>
    public string? OperationId { get; }

    /// <summary>Gets how many requests reached the operation.</summary>
    public int Calls { get; }

    /// <summary>Gets a value indicating whether any request reached the operation.</summary>
    public bool Exercised => Calls != 0;

    /// <summary>Gets the documented responses' keys, such as "200", "4XX" or "default", in document order.</summary>
    public IReadOnlyList<string> DocumentedResponses { get; }

    /// <summary>Gets the status codes the operation was answered with, in ascending order.</summary>
    public IReadOnlyList<int> StatusCodesSeen { get; }

    /// <summary>Gets the documented responses no answer fell under.</summary>
    public IReadOnlyList<string> ResponsesNotSeen { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Method} {PathTemplate}";
}
