using System.Text.Json;
using Microsoft.AspNetCore.Routing;

namespace FakeHttpFixture;

/// <summary>
/// Represents one stubbed answer, made by <see cref="HttpFixtureServer.Stub(HttpMethod?, string)"/>: it matches a method and a
/// path, optionally headers, query values and the body, and answers with its responses in order; once they are used up the last
/// one repeats. When several stubs match a request, the one added last wins, so a test can override a shared default.
/// </summary>
public sealed class HttpStub
{
    private readonly Lock _gate = new();
    private readonly string? _method;
    private readonly StubPath _path;
    // Replaced as a whole under _gate and read without it on the request path, hence volatile.
    private volatile Func<RecordedRequest, bool>[] _conditions = [];
    // Each response with the number of the last call it answers, replaced as a whole so readers need no lock:
    // Respond(503, times: 1_000_000) costs one entry, not a million.
    private volatile (StubResponse Response, long LastCall)[] _sequence = [];
    private int _calls;
    // Rate limits and chaos rules (StubChaos.cs), swapped in whole like the sequence; null for a stub without any.
    private volatile StubChaos? _chaos;

    internal HttpStub(HttpMethod? method, StubPath path)
    {
        _method = method?.Method;
        _path = path;
    }

    /// <summary>Gets how many requests this stub has answered.</summary>
    public int CallCount => Volatile.Read(ref _calls);

    /// <summary>Gets a value indicating whether <see cref="HttpFixtureServer.Verify"/> reports this stub when no request used it.</summary>
    public bool IsRequired { get; private set; }

    /// <summary>Makes the stub match only requests that have the header <paramref name="name"/>, with exactly <paramref name="value"/> when one is given.</summary>
    /// <param name="name">The header name, in any case.</param>
    /// <param name="value">The value the header must have (all its values joined with ", "); <see langword="null"/> for any value.</param>
    /// <returns>This stub, for chaining.</returns>
    public HttpStub WithHeader(string name, string? value = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Where(r => r.Header(name) is { } actual && (value is null || actual == value));
    }

    /// <summary>Makes the stub match only requests whose query has the parameter <paramref name="name"/>, with <paramref name="value"/> when one is given.</summary>
    /// <param name="name">The parameter name, compared exactly.</param>
    /// <param name="value">The decoded value one of its occurrences must have; <see langword="null"/> for any value.</param>
    /// <returns>This stub, for chaining.</returns>
    public HttpStub WithQuery(string name, string? value = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Where(r =>
        {
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseNullableQuery(r.QueryString);
            return query is not null && query.TryGetValue(name, out var values) && (value is null || values.Contains(value));
        });
    }

    /// <summary>Makes the stub match only requests whose body is JSON that <paramref name="predicate"/> accepts; a body that is not JSON does not match.</summary>
    /// <param name="predicate">Tests the parsed body.</param>
    /// <returns>This stub, for chaining.</returns>
    public HttpStub WithJsonBody(Func<JsonElement, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Where(r => TryParse(r, out JsonElement body) && predicate(body));
    }

    /// <summary>Makes the stub match only requests whose body reads as <typeparamref name="T"/> (web defaults) and passes <paramref name="predicate"/>.</summary>
    /// <typeparam name="T">The type to read the body as.</typeparam>
    /// <param name="predicate">Tests the body.</param>
    /// <returns>This stub, for chaining.</returns>
    public HttpStub WithJsonBody<T>(Func<T, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Where(r => TryParse(r, out T? body) && body is not null && predicate(body));
    }

    /// <summary>Makes the stub match only requests that <paramref name="predicate"/> accepts, for anything the other conditions do not cover.</summary>
    /// <param name="predicate">Tests the request; it runs on the server's thread and should not throw.</param>
    /// <returns>This stub, for chaining.</returns>
    public HttpStub Where(Func<RecordedRequest, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        lock (_gate)
        {
            _conditions = [.. _conditions, predicate];
        }

        return this;
    }

    /// <summary>
    /// Respond appends <paramref name="response"/> to the stub's sequence, <paramref name="times"/> times. The stub answers the
    /// sequence in order and, once it is used up, repeats its last response; a stub without any answers 200 with an empty body.
    /// </summary>
    /// <param name="response">The response.</param>
    /// <param name="times">How many requests get it before the next one in the sequence; 1 by default, at least 1.</param>
    /// <returns>This stub, for chaining: <c>.Respond(503, times: 2).Respond(StubResponse.Json(order))</c>.</returns>
    public HttpStub Respond(StubResponse response, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_gate)
        {
            var sequence = _sequence;
            var last = (sequence.Length == 0 ? 0 : sequence[^1].LastCall) + times;
            _sequence = [.. sequence, (response, last)];
        }

        return this;
    }

    /// <summary>Appends an empty response with <paramref name="statusCode"/> to the stub's sequence, <paramref name="times"/> times.</summary>
    /// <param name="statusCode">The HTTP status code.</param>
    /// <param name="times">How many requests get it before the next one in the sequence; 1 by default, at least 1.</param>
    /// <returns>This stub, for chaining.</returns>
    public HttpStub Respond(int statusCode, int times = 1) => Respond(StubResponse.Status(statusCode), times);

    /// <summary>
    /// Adds a chaos rule for the requests this stub matches: those it picks get its answer or delay before the stub's sequence is
    /// asked; a picked request that is answered does not use up the sequence (see docs/chaos-and-client-behaviour.md).
    /// </summary>
    /// <param name="chaos">The rule, such as <c>Chaos.EveryNth(3).Respond(503)</c>.</param>
    /// <returns>This stub, for chaining.</returns>
    public HttpStub WithChaos(Chaos chaos)
    {
        lock (_gate)
        {
            _chaos = StubChaos.Add(_chaos, chaos, ToString());
        }

        return this;
    }

    /// <summary>Adds a rate limit for the requests this stub matches: one over the limit is refused (429 with Retry-After) before the sequence is asked.</summary>
    /// <param name="limit">The limit, such as <c>RateLimit.Allow(2, per: TimeSpan.FromSeconds(1))</c>.</param>
    /// <returns>This stub, for chaining.</returns>
    public HttpStub WithRateLimit(RateLimit limit)
    {
        lock (_gate)
        {
            _chaos = StubChaos.Add(_chaos, limit);
        }

        return this;
    }

    /// <summary>Makes <see cref="HttpFixtureServer.Verify"/> report the stub if no request has used it, for calls the code under test must make.</summary>
    /// <returns>This stub, for chaining.</returns>
    public HttpStub Required()
    {
        IsRequired = true;
        return this;
    }

    /// <summary>Returns the stub's method and path, such as "GET /orders/{id}".</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{_method ?? "any method"} {_path}";

    internal StubChaos? ChaosRules => _chaos;

    internal bool Matches(RecordedRequest request, out RouteValueDictionary? routeValues)
    {
        routeValues = null;
        if (_method is not null && !string.Equals(_method, request.Method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!_path.Matches(request.Path, out routeValues))
        {
            return false;
        }

        foreach (var condition in _conditions)
        {
            if (!condition(request))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Counts the call and returns the response for it: the next in the sequence, or the last once the sequence is used up.</summary>
    internal StubResponse TakeResponse()
    {
        long call = Interlocked.Increment(ref _calls);
        var sequence = _sequence;
        if (sequence.Length == 0)
        {
            return StubResponse.Status(200);
        }

        foreach (var (response, lastCall) in sequence)
        {
            if (call <= lastCall)
            {
                return response;
            }
        }

        return sequence[^1].Response;
    }

    private static bool TryParse<T>(RecordedRequest request, out T? value)
    {
        try
        {
            value = JsonSerializer.Deserialize<T>(request.Body, WebJson.Options);
            return true;
        }
        catch (JsonException)
        {
            value = default;
            return false;
        }
    }
}
