namespace FakeHttpFixture;

/// <content>Which test caused the request, read from its W3C <c>baggage</c> and <c>traceparent</c> headers.</content>
public sealed partial class RecordedRequest
{
    private TestAttribution? _attribution;

    /// <summary>
    /// Gets the id of the test that caused the request (<see cref="TestScope.Id"/>), read from the <c>fakehttp.test</c> entry of its
    /// W3C <c>baggage</c> header or else from the trace of its <c>traceparent</c> header; <see langword="null"/> when neither names a
    /// test of this process (a client that sends neither, or a background job that started outside any test).
    /// </summary>
    public string? TestId => Attribution.Id;

    /// <summary>Gets the display name of the test that caused the request, or <see langword="null"/> when <see cref="TestId"/> is.</summary>
    public string? TestName => Attribution.Name;

    /// <summary>Gets the W3C trace id the request carried in its <c>traceparent</c> header (32 hex digits), or <see langword="null"/> without one.</summary>
    public string? TraceId => Attribution.TraceId;

    private TestAttribution Attribution => _attribution ??= TestAttribution.Of(Header("traceparent"), Header("baggage"));
}
