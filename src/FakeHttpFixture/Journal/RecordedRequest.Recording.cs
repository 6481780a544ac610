namespace FakeHttpFixture;

/// <content>What a recording needs beyond the response itself: the reason phrase that went out, and whether the fixture answered itself.</content>
public sealed partial class RecordedRequest
{
    private volatile string? _responseReasonPhrase;
    private volatile bool _answeredByFixture;

    /// <summary>Gets the reason phrase the response carried when it was not the standard one for its status (a proxied service's own, a replayed one), else <see langword="null"/>.</summary>
    internal string? ResponseReasonPhrase => _responseReasonPhrase;

    /// <summary>Gets a value indicating whether FakeHttpFixture answered in place of the service it proxies (a refusal of its own), so a recording marks it as no answer of the service.</summary>
    internal bool AnsweredByFixture => _answeredByFixture;

    internal void MarkReasonPhrase(string reasonPhrase) => _responseReasonPhrase = reasonPhrase;

    internal void MarkAnsweredByFixture() => _answeredByFixture = true;
}
