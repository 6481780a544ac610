using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>
/// Describes a rate limit: a client may send so many requests per window of time, and a request over the limit gets 429 (or the
/// status given) with Retry-After, the IETF RateLimit-Policy and RateLimit headers, and a problem+json body. Give it to
/// <see cref="HttpFixtureOptions.AddRateLimit(RateLimit)"/> for the whole server, or to <see cref="HttpStub.WithRateLimit(RateLimit)"/>
/// for the requests one stub matches. Instances are immutable: each method returns a copy.
/// </summary>
/// <remarks>
/// The window is fixed and opens with a client's first request; refused requests use none of the quota. Every request the limit
/// lets through carries RateLimit-Policy (<c>"default";q=5;w=1</c>) and RateLimit (<c>"default";r=4;t=1</c>), as the
/// IETF draft "RateLimit header fields for HTTP" (draft-ietf-httpapi-ratelimit-headers) defines them, so a client can slow down
/// before it is refused. By default all clients share one quota; <see cref="PerHeader(string)"/> and <see cref="PerConnection"/>
/// give each client its own.
/// </remarks>
public sealed class RateLimit
{
    private RateLimit(int requests, TimeSpan window)
    {
        Requests = requests;
        Window = window;
    }

    internal int Requests { get; }

    internal TimeSpan Window { get; }

    internal string? KeyHeader { get; private set; }

    internal bool KeyedByConnection { get; private set; }

    internal int StatusCode { get; private set; } = StatusCodes.Status429TooManyRequests;

    internal RetryAfterFormat RetryAfterFormat { get; private set; }

    internal string Policy { get; private set; } = "default";

    /// <summary>Allows <paramref name="requests"/> requests per <paramref name="per"/>, counted from a client's first request of the window.</summary>
    /// <param name="requests">The quota per window, at least 1.</param>
    /// <param name="per">The window, more than zero; the headers state it in whole seconds, rounded up.</param>
    /// <returns>The rate limit: <c>RateLimit.Allow(5, per: TimeSpan.FromSeconds(1))</c>.</returns>
    public static RateLimit Allow(int requests, TimeSpan per)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requests, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(per, TimeSpan.Zero);
        return new RateLimit(requests, per);
    }

    /// <summary>Returns a copy that gives each value of the request header <paramref name="name"/> (an API key, a client id) a quota of its own; requests without the header share one.</summary>
    /// <param name="name">The header name, in any case.</param>
    /// <returns>The copy.</returns>
    public RateLimit PerHeader(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var copy = Copy();
        copy.KeyHeader = name;
        copy.KeyedByConnection = false;
        return copy;
    }

    /// <summary>Returns a copy that gives each connection a quota of its own (<see cref="RecordedRequest.ConnectionId"/>), as a limit per client socket does.</summary>
    /// <returns>The copy.</returns>
    public RateLimit PerConnection()
    {
        var copy = Copy();
        copy.KeyHeader = null;
        copy.KeyedByConnection = true;
        return copy;
    }

    /// <summary>Returns a copy that refuses with <paramref name="statusCode"/> instead of 429, such as 503 for a service that sheds load.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <returns>The copy.</returns>
    public RateLimit WithStatus(int statusCode)
    {
        HttpStatus.ThrowIfInvalid(statusCode);
        var copy = Copy();
        copy.StatusCode = statusCode;
        return copy;
    }

    /// <summary>Returns a copy whose refusals state Retry-After in <paramref name="format"/>: seconds, the default, or an HTTP date.</summary>
    /// <param name="format">The form of the header.</param>
    /// <returns>The copy.</returns>
    public RateLimit WithRetryAfter(RetryAfterFormat format)
    {
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Give RetryAfterFormat.Seconds or RetryAfterFormat.HttpDate.");
        }

        var copy = Copy();
        copy.RetryAfterFormat = format;
        return copy;
    }

    /// <summary>Returns a copy whose policy the RateLimit-Policy and RateLimit headers name <paramref name="policy"/> instead of "default".</summary>
    /// <param name="policy">The name: printable ASCII without quotes or backslashes, as a structured-field string allows.</param>
    /// <returns>The copy.</returns>
    public RateLimit Named(string policy)
    {
        ArgumentException.ThrowIfNullOrEmpty(policy);
        if (policy.Any(c => c is < ' ' or > '~' or '"' or '\\'))
        {
            throw new ArgumentException($"The policy name '{policy}' cannot be sent in a RateLimit header: use printable ASCII without quotes or backslashes, such as \"per-key\".", nameof(policy));
        }

        var copy = Copy();
        copy.Policy = policy;
        return copy;
    }

    /// <summary>Returns the limit in words, such as "2 requests per 1 s per X-Api-Key → 429".</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var per = KeyHeader is { } header ? $" per {header}" : KeyedByConnection ? " per connection" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{Requests} request{(Requests == 1 ? string.Empty : "s")} per {JournalText.Duration(Window)}{per} → {StatusCode}");
    }

    /// <summary>Returns the client a request counts for: its header value, its connection, or everyone.</summary>
    internal string KeyOf(RecordedRequest request) =>
        KeyHeader is { } header ? request.Header(header) ?? string.Empty
        : KeyedByConnection ? request.ConnectionId
        : string.Empty;

    private RateLimit Copy() => (RateLimit)MemberwiseClone();
}
