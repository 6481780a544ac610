namespace FakeHttpFixture;

/// <summary>
/// What the test whose code is running sees of a server: its own requests and those no test can be named for. Outside a test
/// (no <see cref="TestScope.Current"/>) it sees everything, as before attribution existed.
/// </summary>
internal static class TestView
{
    public static bool Sees(TestScope? scope, RecordedRequest request) =>
        scope is null || request.TestId is null || string.Equals(request.TestId, scope.Id, StringComparison.Ordinal);

    public static IReadOnlyList<RecordedRequest> Filter(IReadOnlyList<RecordedRequest> requests)
    {
        var scope = TestScope.Current;
        if (scope is null)
        {
            return requests;
        }

        var visible = new List<RecordedRequest>(requests.Count);
        foreach (var request in requests)
        {
            if (Sees(scope, request))
            {
                visible.Add(request);
            }
        }

        return visible.Count == requests.Count ? requests : visible;
    }

    /// <summary>Returns the pattern of a wait that the current test makes: its predicate, limited to what the test sees.</summary>
    public static RequestPattern Wait(Func<RecordedRequest, bool>? match, string? description)
    {
        var scope = TestScope.Current;
        if (scope is null)
        {
            return RequestPattern.OfWait(match, description);
        }

        return match is null
            ? RequestPattern.Named("a request", r => Sees(scope, r))
            : RequestPattern.Of(r => Sees(scope, r) && match(r), description);
    }

    /// <summary>The journal line's mark for a request that no test can be named for, when a test looks at a shared server.</summary>
    public static string Mark(TestScope? scope, RecordedRequest request) =>
        scope is not null && request.TestId is null ? "  [no test: sent without this test's traceparent/baggage]" : string.Empty;
}
