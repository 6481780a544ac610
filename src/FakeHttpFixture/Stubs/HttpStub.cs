using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;

namespace FakeHttpFixture;

/// <summary>
/// Represents one stubbed answer, made by <see cref="HttpFixtureServer.Stub(HttpMethod?, string)"/>: it matches a method and a
/// path, optionally headers, query values and the body, and answers with its responses in order; once they are used up the last
/// one repeats. When several stubs match a request, the one added last wins, so a test can override a shared default.
/// </summary>
/// <remarks>
/// Each condition explains itself when a request is missed: the miss report (the strict 501 body, <see cref="HttpFixtureServer.Verify"/>,
/// <see cref="HttpFixtureServer.ExplainMiss"/>) shows it as held or failed, with what it expected and what it received.
/// This file holds the stub's method, path, predicates and responses; HttpStub.Matchers.cs the matchers that compare values.
/// </remarks>
public sealed partial class HttpStub
{
    private readonly Lock _gate = new();
    private readonly string? _method;
    private readonly StubPath _path;
    private readonly StubHost? _host;
    // Replaced as a whole under _gate and read without it on the request path, hence volatile.
    private volatile StubCondition[] _conditions = [];
    // Each response with the number of the last call it answers, replaced as a whole so readers need no lock:
    // Respond(503, times: 1_000_000) costs one entry, not a million.
    private volatile (StubResponse Response, long LastCall)[] _sequence = [];
    private int _calls;
    // Rate limits and chaos rules (StubChaos.cs), swapped in whole like the sequence; null for a stub without any.
    private volatile StubChaos? _chaos;

    internal HttpStub(HttpMethod? method, StubPath path, StubHost? host = null)
    {
        _method = method?.Method;
        _path = path;
        _host = host;
    }

    /// <summary>Gets how many requests this stub has answered.</summary>
    public int CallCount => Volatile.Read(ref _calls);

    /// <summary>Gets a value indicating whether <see cref="HttpFixtureServer.Verify"/> reports this stub when no request used it.</summary>
    public bool IsRequired { get; private set; }

    /// <summary>Gets the method the stub matches, such as "GET", or <see langword="null"/> for any.</summary>
    internal string? Method => _method;

    internal StubPath Path => _path;

    internal StubCondition[] Conditions => _conditions;

    /// <summary>Makes the stub match only requests that have the header <paramref name="name"/>, with exactly <paramref name="value"/> when one is given.</summary>
    /// <param name="name">The header name, in any case.</param>
    /// <param name="value">The value the header must have (all its values joined with ", "); <see langword="null"/> for any value.</param>
    /// <returns>This stub, for chaining.</returns>
    public HttpStub WithHeader(string name, string? value = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Add(new HeaderCondition(name, value, null));
    }

    /// <summary>Makes the stub match only requests whose query has the parameter <paramref name="name"/>, with <paramref name="value"/> when one is given.</summary>
    /// <param name="name">The parameter name, compared exactly.</param>
    /// <param name="value">The decoded value one of its occurrences must have; <see langword="null"/> for any value.</param>
    /// <returns>This stub, for chaining.</returns>
    public HttpStub WithQuery(string name, string? value = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Add(new QueryCondition(name, value));
    }

    /// <summary>Makes the stub match only requests whose body is JSON that <paramref name="predicate"/> accepts; a body that is not JSON does not match.</summary>
    /// <param name="predicate">Tests the parsed body.</param>
    /// <param name="description">How the miss report names the predicate; the compiler fills in its source text.</param>
    /// <returns>This stub, for chaining.</returns>
    public HttpStub WithJsonBody(Func<JsonElement, bool> predicate, [CallerArgumentExpression(nameof(predicate))] string? description = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Add(new JsonBodyPredicate<JsonElement>(predicate, SourceText.OneLine(description, "the predicate")));
    }

    /// <summary>Makes the stub match only requests whose body reads as <typeparamref name="T"/> (web defaults) and passes <paramref name="predicate"/>.</summary>
    /// <typeparam name="T">The type to read the body as.</typeparam>
    /// <param name="predicate">Tests the body.</param>
    /// <param name="description">How the miss report names the predicate; the compiler fills in its source text.</param>
    /// <returns>This stub, for chaining.</returns>
    public HttpStub WithJsonBody<T>(Func<T, bool> predicate, [CallerArgumentExpression(nameof(predicate))] string? description = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Add(new JsonBodyPredicate<T>(predicate, SourceText.OneLine(description, "the predicate")));
    }

    /// <summary>Makes the stub match only requests that <paramref name="predicate"/> accepts, for anything the other conditions do not cover.</summary>
    /// <param name="predicate">Tests the request; it runs on the server's thread and should not throw.</param>
    /// <param name="description">How the miss report names the predicate; the compiler fills in its source text.</param>
    /// <returns>This stub, for chaining.</returns>
    /// <remarks>
    /// A miss report shows a failed predicate by its source text with the received values that text names:
    /// <c>Where(r =&gt; r.Header("X-Tenant") == "acme") was false (X-Tenant: globex)</c>.
    /// </remarks>
    public HttpStub Where(Func<RecordedRequest, bool> predicate, [CallerArgumentExpression(nameof(predicate))] string? description = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Add(new PredicateCondition(predicate, SourceText.OneLine(description, "the predicate")));
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
    /// Makes the stub match only reconnects of an event stream: requests whose Last-Event-ID header is <paramref name="eventId"/>,
    /// or, without one, that have the header at all. Added after the stub for the first connection, it wins for the reconnect,
    /// so a test scripts a resume: <c>.WithLastEventId("2").Respond(StubResponse.EventStream(third, fourth))</c>.
    /// </summary>
    /// <param name="eventId">The id of the last event the client received; <see langword="null"/> for any.</param>
    /// <returns>This stub, for chaining.</returns>
    public HttpStub WithLastEventId(string? eventId = null) => WithHeader("Last-Event-ID", eventId);

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

    /// <summary>Returns the stub's method and path, such as "GET /orders/{id}", or URL, such as "GET https://api.github.com/repos/{owner}/{repo}".</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"{_method ?? "any method"} {_host}{_path}";

    internal StubChaos? ChaosRules => _chaos;

    internal bool Matches(RecordedRequest request, out RouteValueDictionary? routeValues)
    {
        routeValues = null;
        if (_method is not null && !string.Equals(_method, request.StubMethod, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (_host is not null && !_host.Matches(request))
        {
            return false;
        }

        if (!_path.Matches(request.Path, out routeValues))
        {
            return false;
        }

        foreach (var condition in _conditions)
        {
            if (!condition.Matches(request))
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

    private HttpStub Add(StubCondition condition)
    {
        lock (_gate)
        {
            _conditions = [.. _conditions, condition];
        }

        return this;
    }
}
