namespace FakeHttpFixture;

/// <summary>Names the two forms of the Retry-After header (RFC 9110, section 10.2.3) that chaos answers and rate limits send.</summary>
public enum RetryAfterFormat
{
    /// <summary>A number of seconds, rounded up: "Retry-After: 2".</summary>
    Seconds,

    /// <summary>An HTTP date, rounded up to the next whole second: "Retry-After: Wed, 21 Oct 2026 07:28:00 GMT".</summary>
    HttpDate,
}
