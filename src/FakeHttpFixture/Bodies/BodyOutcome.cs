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

    /// <summary>The body could not be kept (no room or no permission in the temp folder); it is read to its end and dropped, and the client gets 507.</summary>
    NotStored,
}
