namespace FakeHttpFixture;

/// <summary>A header a timeline shows on each line: one the client sent ("&gt; Idempotency-Key: …") or one the server answered ("&lt; Retry-After: 1").</summary>
internal readonly record struct TimelineHeader(string Name, bool FromServer)
{
    public static TimelineHeader Sent(string name) => new(name, false);

    public static TimelineHeader Answered(string name) => new(name, true);

    public string? ValueIn(RecordedRequest request)
    {
        if (!FromServer)
        {
            return request.Header(Name);
        }

        return request.ResponseHeaders.TryGetValue(Name, out var values) ? string.Join(", ", values) : null;
    }
}
