namespace FakeHttpFixture;

/// <summary>What an assertion or a wait looks for: a method and path, or a predicate; either can say how near a miss is.</summary>
internal sealed class RequestPattern
{
    private readonly string? _method;
    private readonly string? _path;
    private readonly bool _withQuery;
    private readonly Func<RecordedRequest, bool>? _match;
    private readonly PredicateLiterals? _literals;

    private RequestPattern(string description, string? method, string? path, Func<RecordedRequest, bool>? match, PredicateLiterals? literals)
    {
        Description = description;
        _method = method;
        _path = path;
        _withQuery = path?.Contains('?', StringComparison.Ordinal) == true;
        _match = match;
        _literals = literals;
    }

    /// <summary>Gets the pattern as a message names it: "POST /orders", "a request matching r =&gt; r.Path == "/a"", "a request".</summary>
    public string Description { get; }

    /// <summary>Gets a value indicating whether misses can be ranked by how near they came: a predicate can when its source names a path or method.</summary>
    public bool CanRank => _match is null || _literals!.CanRank;

    /// <summary>Gets the pattern any request matches, for waits given no predicate.</summary>
    public static RequestPattern Any { get; } = new("a request", null, null, static _ => true, PredicateLiterals.Of(null));

    public static RequestPattern Of(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        path = path.StartsWith('/') ? path : "/" + path;
        return new RequestPattern($"{method.Method.ToUpperInvariant()} {path}", method.Method, path, null, null);
    }

    public static RequestPattern Of(Func<RecordedRequest, bool> match, string? description)
    {
        ArgumentNullException.ThrowIfNull(match);
        return new RequestPattern($"a request matching {SourceText.OneLine(description, "the predicate")}", null, null, match, PredicateLiterals.Of(description));
    }

    /// <summary>Returns the pattern of a wait: <see cref="Any"/> without a predicate.</summary>
    public static RequestPattern OfWait(Func<RecordedRequest, bool>? match, string? description) => match is null ? Any : Of(match, description);

    /// <summary>Returns a pattern that messages name exactly as <paramref name="name"/> says, such as "every request".</summary>
    public static RequestPattern Named(string name, Func<RecordedRequest, bool> match) => new(name, null, null, match, PredicateLiterals.Of(null));

    public bool Matches(RecordedRequest request) => _match is not null
        ? _match(request)
        : string.Equals(request.Method, _method, StringComparison.OrdinalIgnoreCase) && string.Equals(Target(request), _path, StringComparison.Ordinal);

    /// <summary>How far a request is from the pattern: 0 for a match, more for a worse miss; a predicate that throws counts as a miss.</summary>
    public int Distance(RecordedRequest request)
    {
        try
        {
            if (Matches(request))
            {
                return 0;
            }
        }
#pragma warning disable CA1031 // The predicate is the test's; while a failure is being described it only ranks.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        if (_literals is not null)
        {
            return _literals.Distance(request);
        }

        var methodMiss = string.Equals(request.Method, _method, StringComparison.OrdinalIgnoreCase) ? 0 : 4;
        return 1 + methodMiss + EditDistance.Of(Target(request), _path!);
    }

    private string Target(RecordedRequest request) => _withQuery ? request.Path + request.QueryString : request.Path;
}
