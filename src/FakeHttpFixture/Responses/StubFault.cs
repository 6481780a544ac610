namespace FakeHttpFixture;

/// <summary>How a <see cref="StubResponse"/> breaks the exchange; the ones before <see cref="CloseAfterHeaders"/> replace the response.</summary>
internal enum StubFault
{
    None,
    ResetConnection,
    ResetStream,
    MalformedStatusLine,
    Hang,
    CloseAfterHeaders,
    TruncatedBody,
}
