namespace FakeHttpFixture;

/// <summary>How reading a request body ended.</summary>
internal enum BodyOutcome
{
    /// <summary>The whole body arrived.</summary>
    Whole,

    /// <summary>The client went away mid-body; nobody is left to answer.</summary>
    ClientGone,

    /// <summary>Kestrel could not parse the body (a bad chunk, a bad trailer, too slow); the client gets a 4xx.</summary>
    Malformed,

    /// <summary>The body was larger than MaxRequestBodySize; the client gets 413.</summary>
    Refused,
}
