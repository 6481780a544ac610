namespace FakeHttpFixture;

/// <summary>What an upload or delete did.</summary>
internal enum UploadOutcome
{
    Created,
    Replaced,
    Deleted,
    NotFound,
    Conflict,
    Refused,
}
