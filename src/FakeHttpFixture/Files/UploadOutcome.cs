namespace FakeHttpFixture;

/// <summary>What an upload or delete did; <see cref="UploadResponder"/> turns it into the status.</summary>
internal enum UploadOutcome
{
    Created,
    Replaced,
    Deleted,
    NotFound,
    Conflict,
    Refused,
    Forbidden,
    TooLarge,
    InsufficientStorage,
}
