namespace FakeHttpFixture;

/// <summary>The range of status codes HTTP allows on the wire (RFC 9110 section 15: three digits), checked in one place.</summary>
internal static class HttpStatus
{
    public static bool IsValid(int statusCode) => statusCode is >= 100 and <= 999;

    public static void ThrowIfInvalid(int statusCode)
    {
        if (!IsValid(statusCode))
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An HTTP status code has three digits: give one from 100 to 999, such as 200, 404 or 503.");
        }
    }
}
