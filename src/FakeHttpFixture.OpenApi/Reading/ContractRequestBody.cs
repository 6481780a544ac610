namespace FakeHttpFixture;

/// <summary>A documented request body: whether it is required and its media types.</summary>
/// <param name="Required">Whether a request must carry a body.</param>
/// <param name="Content">The accepted media types, in document order.</param>
internal sealed record ContractRequestBody(bool Required, IReadOnlyList<ContractMedia> Content);
