namespace FakeHttpFixture;

/// <summary>The bytes of a body and how reading it ended; <see cref="RequestBodyReader"/> decides which, once.</summary>
/// <param name="Body">Every byte that arrived.</param>
/// <param name="Outcome">How the body ended.</param>
/// <param name="Status">The status the server answers with a broken or refused body (400, 413 …); 0 for a whole body or a client that went away.</param>
internal readonly record struct BodyReadResult(RecordedBody Body, BodyOutcome Outcome, int Status);
