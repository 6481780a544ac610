namespace FakeHttpFixture;

/// <summary>A documented response: its key ("200", "2XX" or "default"), its bodies by media type and its headers.</summary>
/// <param name="Key">The key in the operation's responses.</param>
/// <param name="Content">The documented bodies, in document order; empty when the response has no body.</param>
/// <param name="Headers">The documented headers.</param>
internal sealed record ContractResponse(string Key, IReadOnlyList<ContractMedia> Content, IReadOnlyList<ContractParameter> Headers);
