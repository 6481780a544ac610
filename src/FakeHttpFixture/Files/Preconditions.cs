using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FakeHttpFixture;

/// <summary>
/// Evaluates the conditional headers of a GET or HEAD in the order RFC 9110 section 13.2.2 gives. Written by hand because
/// StaticFileMiddleware's evaluation is internal and does not ignore If-Modified-Since dates in the future; the parsing is
/// ASP.NET Core's (EntityTagHeaderValue, HeaderUtilities).
/// </summary>
internal static class Preconditions
{
    /// <summary>Returns 200 to go on, 304 Not Modified or 412 Precondition Failed.</summary>
    public static int Evaluate(IHeaderDictionary headers, ServedFile file)
    {
        var ifMatch = headers.IfMatch;
        if (ifMatch.Count != 0)
        {
            if (!Matches(ifMatch, file, strong: true))
            {
                return StatusCodes.Status412PreconditionFailed;
            }
        }
        else if (TryDate(headers.IfUnmodifiedSince, out var unmodifiedSince) && file.LastModified > unmodifiedSince)
        {
            return StatusCodes.Status412PreconditionFailed;
        }

        var ifNoneMatch = headers.IfNoneMatch;
        if (ifNoneMatch.Count != 0)
        {
            // If-None-Match wins: If-Modified-Since is not even looked at (RFC 9110 13.1.3).
            return Matches(ifNoneMatch, file, strong: false) ? StatusCodes.Status304NotModified : StatusCodes.Status200OK;
        }

        // An invalid date, or one in the future, means the client's clock cannot be trusted: ignore the header (RFC 9110 13.1.3).
        if (TryDate(headers.IfModifiedSince, out var modifiedSince) && modifiedSince <= DateTimeOffset.UtcNow && file.LastModified <= modifiedSince)
        {
            return StatusCodes.Status304NotModified;
        }

        return StatusCodes.Status200OK;
    }

    /// <summary>Returns whether an If-Range condition holds, so that the Range header is honoured; a weak or unparsable condition never holds.</summary>
    public static bool IfRangeHolds(string value, ServedFile file)
    {
        if (!RangeConditionHeaderValue.TryParse(value, out var condition))
        {
            return false;
        }

        if (condition.EntityTag is { } tag)
        {
            return !tag.IsWeak && tag.Tag.Equals(file.ETag, StringComparison.Ordinal);
        }

        return condition.LastModified == file.LastModified;
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues header, ServedFile file, bool strong)
    {
        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        foreach (var tag in tags)
        {
            if (tag.Equals(EntityTagHeaderValue.Any))
            {
                return true;
            }

            // Weak comparison ignores the W/ prefix; strong comparison needs both tags strong. Ours are always strong.
            if ((!strong || !tag.IsWeak) && tag.Tag.Equals(file.ETag, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryDate(Microsoft.Extensions.Primitives.StringValues header, out DateTimeOffset date)
    {
        date = default;
        return header.Count == 1 && HeaderUtilities.TryParseDate(header.ToString(), out date);
    }
}
