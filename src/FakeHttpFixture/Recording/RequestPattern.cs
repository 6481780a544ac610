namespace FakeHttpFixture;

/// <summary>What an assertion looks for: a method and path, or a predicate; the first can also say how near a miss is.</summary>
internal sealed class RequestPattern
{
    private readonly string? _method;
    private readonly string? _path;
    private readonly bool _withQuery;
    private readonly Func<RecordedRequest, bool>? _match;

    private RequestPattern(string description, string? method, string? path, Func<RecordedRequest, bool>? match)
    {
        Description = description;
        _method = method;
        _path = path;
        _withQuery = path?.Contains('?', StringComparison.Ordinal) == true;
        _match = match;
    }

    public string Description { get; }

    /// <summary>Gets a value indicating whether misses can be ranked by how near they came; a predicate only says yes or no.</summary>
    public bool CanRank => _match is null;

    public static RequestPattern Of(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        path = path.StartsWith('/') ? path : "/" + path;
        return new RequestPattern($"{method.Method.ToUpperInvariant()} {path}", method.Method, path, null);
    }

    public static RequestPattern Of(Func<RecordedRequest, bool> match, string? description)
    {
        ArgumentNullException.ThrowIfNull(match);
        return new RequestPattern($"a request matching {description ?? "the predicate"}", null, null, match);
    }

    /// <summary>Returns a pattern that messages name exactly as <paramref name="name"/> says, such as "every request".</summary>
    public static RequestPattern Named(string name, Func<RecordedRequest, bool> match) => new(name, null, null, match);

    public bool Matches(RecordedRequest request) => _match is not null
        ? _match(request)
        : string.Equals(request.Method, _method, StringComparison.OrdinalIgnoreCase) && string.Equals(Target(request), _path, StringComparison.Ordinal);

    /// <summary>How far a request is from the pattern: 0 for a match, more for a worse miss; a predicate cannot say, so every miss is 1.</summary>
    public int Distance(RecordedRequest request)
    {
        if (Matches(request))
        {
            return 0;
        }

        if (_match is not null)
        {
            return 1;
        }

        var methodMiss = string.Equals(request.Method, _method, StringComparison.OrdinalIgnoreCase) ? 0 : 4;
        return 1 + methodMiss + EditDistance(Target(request), _path!);
    }

    private string Target(RecordedRequest request) => _withQuery ? request.Path + request.QueryString : request.Path;

    // Levenshtein on the first 64 characters: enough to rank "/order" next to "/orders", cheap even over a long journal.
    private static int EditDistance(string a, string b)
    {
        var s = a.AsSpan(0, Math.Min(a.Length, 64));
        var t = b.AsSpan(0, Math.Min(b.Length, 64));
        Span<int> previous = stackalloc int[t.Length + 1];
        Span<int> current = stackalloc int[t.Length + 1];
        for (var j = 0; j <= t.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= s.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= t.Length; j++)
            {
                var cost = s[i - 1] == t[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            current.CopyTo(previous);
        }

        return previous[t.Length] + Math.Abs(a.Length - s.Length - (b.Length - t.Length));
    }
}
