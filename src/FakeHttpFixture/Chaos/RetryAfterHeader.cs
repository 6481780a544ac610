using System.Globalization;

namespace FakeHttpFixture;

/// <summary>Writes and reads the Retry-After header, in seconds or as an HTTP date, in one place for the server and the assertions.</summary>
internal static class RetryAfterHeader
{
    public const string Name = "Retry-After";

    /// <summary>Returns the header value that tells a client to wait <paramref name="delay"/> from <paramref name="now"/>; both forms round up, so a client never waits less than asked.</summary>
    public static string Format(TimeSpan delay, RetryAfterFormat format, DateTimeOffset now)
    {
        var seconds = (long)Math.Ceiling(Math.Max(0, delay.TotalSeconds));
        if (format == RetryAfterFormat.Seconds)
        {
            return seconds.ToString(CultureInfo.InvariantCulture);
        }

        // An HTTP date has whole seconds: the instant is rounded up past now + delay, never down before it.
        var due = now + delay;
        var whole = due.UtcTicks % TimeSpan.TicksPerSecond == 0 ? due : new DateTimeOffset(due.UtcTicks - (due.UtcTicks % TimeSpan.TicksPerSecond) + TimeSpan.TicksPerSecond, TimeSpan.Zero);
        return whole.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>Returns when a client may retry at the earliest, given the Retry-After of an answer noted at <paramref name="answered"/>.</summary>
    /// <remarks>
    /// Seconds count from the moment the status and headers were noted, just before they went out: the client cannot have read
    /// them earlier, so a client that waited as told never comes earlier than this, and one that did not wait is caught even
    /// when the answer itself was slow.
    /// </remarks>
    public static bool TryGetEarliestRetry(string? value, DateTimeOffset answered, out DateTimeOffset earliest)
    {
        earliest = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        value = value.Trim();
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            earliest = answered + TimeSpan.FromSeconds(Math.Min(seconds, 365L * 24 * 3600));
            return true;
        }

        if (DateTimeOffset.TryParseExact(value, "R", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var date))
        {
            earliest = date;
            return true;
        }

        return false;
    }
}
