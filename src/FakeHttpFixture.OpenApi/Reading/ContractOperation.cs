namespace FakeHttpFixture;

/// <summary>One documented operation, such as GET /pets/{petId}, with what its requests and responses must look like.</summary>
internal sealed class ContractOperation(string method, PathTemplate path, string? operationId, IReadOnlyList<ContractParameter> parameters,
    ContractRequestBody? body, IReadOnlyList<ContractResponse> responses)
{
    /// <summary>Gets the method in capitals.</summary>
    public string Method { get; } = method;

    /// <summary>Gets the documented path.</summary>
    public PathTemplate Path { get; } = path;

    /// <summary>Gets the operationId, or null.</summary>
    public string? OperationId { get; } = operationId;

    /// <summary>Gets the parameters, the path item's and the operation's merged (the operation's win).</summary>
    public IReadOnlyList<ContractParameter> Parameters { get; } = parameters;

    /// <summary>Gets the request body, or null when the operation documents none.</summary>
    public ContractRequestBody? Body { get; } = body;

    /// <summary>Gets the responses in document order.</summary>
    public IReadOnlyList<ContractResponse> Responses { get; } = responses;

    /// <summary>Gets "GET /pets/{petId}".</summary>
    public string Name => $"{Method} {Path.Text}";

    /// <summary>Returns the documented response for a status: the exact code, then its range ("4XX"), then "default"; or null.</summary>
    public ContractResponse? ResponseFor(int status)
    {
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var range = code[0] + "XX";
        return Responses.FirstOrDefault(r => r.Key == code)
            ?? Responses.FirstOrDefault(r => string.Equals(r.Key, range, StringComparison.OrdinalIgnoreCase))
            ?? Responses.FirstOrDefault(r => r.Key == "default");
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
