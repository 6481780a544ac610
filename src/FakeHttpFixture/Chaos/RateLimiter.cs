using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>
/// A <see cref="RateLimit"/> at work in one place: a fixed window per client, opened by the client's first request, and the
/// RateLimit-Policy, RateLimit and Retry-After headers that tell the client where it stands.
/// </summary>
internal sealed class RateLimiter(RateLimit limit)
{
    private const string PolicyHeader = "RateLimit-Policy";
    private const string LimitHeader = "RateLimit";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public RateLimit Limit => limit;

    /// <summary>Takes one request from its client's quota, or refuses it; refused requests use none of the quota.</summary>
    public bool TryTake(RecordedRequest request, out Standing standing)
    {
        var key = limit.KeyOf(request);
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (!_windows.TryGetValue(key, out var window) || Stopwatch.GetElapsedTime(window.Opened, now) >= limit.Window)
            {
                window = new Window(now);
                _windows[key] = window;
            }

            var resetIn = limit.Window - Stopwatch.GetElapsedTime(window.Opened, now);
            var allowed = window.Used < limit.Requests;
            if (allowed)
            {
                window.Used++;
            }

            standing = new Standing(key, limit.Requests - window.Used, resetIn);
            return allowed;
        }
    }

    /// <summary>Adds the headers that tell an allowed request's client its quota and what is left of it.</summary>
    public void AddHeaders(IHeaderDictionary headers, in Standing standing)
    {
        headers.Append(PolicyHeader, PolicyValue(standing.Key));
        headers.Append(LimitHeader, LimitValue(standing));
    }

    /// <summary>Returns the refusal: the limit's status, Retry-After until the window closes, the RateLimit headers and a problem+json body.</summary>
    public StubResponse Refusal(in Standing standing, DateTimeOffset now)
    {
        // A client is never told to come back sooner than a second: Retry-After has no smaller unit.
        var wait = standing.ResetIn < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : standing.ResetIn;
        var problem = limit.StatusCode == StatusCodes.Status429TooManyRequests
            ? ("quota-exceeded", "The request was refused: the client has used up its quota for this window.")
            : ("temporary-reduced-capacity", "The request was refused: the server sheds load and serves fewer requests for now.");
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["type"] = "https://iana.org/assignments/http-problem-types#" + problem.Item1,
            ["title"] = problem.Item2,
            ["violated-policies"] = new[] { limit.Policy },
        });
        return StubResponse.Bytes(body, "application/problem+json")
            .WithStatus(limit.StatusCode)
            .WithHeader(RetryAfterHeader.Name, RetryAfterHeader.Format(wait, limit.RetryAfterFormat, now))
            .WithHeader(PolicyHeader, PolicyValue(standing.Key))
            .WithHeader(LimitHeader, LimitValue(standing));
    }

    /// <summary>Forgets every client's window, so the next test starts with full quotas.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _windows.Clear();
        }
    }

    private string PolicyValue(string key) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{limit.Policy}\";q={limit.Requests};w={WholeSeconds(limit.Window)}{PartitionKey(key)}");

    private string LimitValue(in Standing standing) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{limit.Policy}\";r={Math.Max(0, standing.Remaining)};t={WholeSeconds(standing.ResetIn)}{PartitionKey(standing.Key)}");

    // The draft's "pk" is a structured-field byte sequence: the client's key in base64 between colons.
    private static string PartitionKey(string key) => key.Length == 0 ? string.Empty : $";pk=:{Convert.ToBase64String(Encoding.UTF8.GetBytes(key))}:";

    private static long WholeSeconds(TimeSpan value) => Math.Max(1, (long)Math.Ceiling(value.TotalSeconds));

    /// <summary>Where a client stands after a request: its key, the quota left and when its window closes.</summary>
    public readonly record struct Standing(string Key, int Remaining, TimeSpan ResetIn);

    private sealed class Window(long opened)
    {
        public long Opened { get; } = opened;

        public int Used { get; set; }
    }
}
