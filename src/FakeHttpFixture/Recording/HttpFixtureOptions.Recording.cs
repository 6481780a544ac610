namespace FakeHttpFixture;

/// <content>How the journal keeps what it records.</content>
public sealed partial class HttpFixtureOptions
{
    private long _bodyMemoryThreshold = 1024 * 1024;
    private int _maxRecordedRequests;

    /// <summary>
    /// Gets or sets the largest request body the journal keeps in memory, in bytes; a larger body is written to a temp file,
    /// byte for byte, and read back on demand, so that large uploads do not fill the test process's memory. The files are deleted on dispose.
    /// </summary>
    /// <value>The default value is 1 MiB (1 048 576 bytes).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public long BodyMemoryThreshold
    {
        get => _bodyMemoryThreshold;
        set => _bodyMemoryThreshold = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "BodyMemoryThreshold must be zero or more bytes; 0 writes every non-empty body to a temp file.");
    }

    /// <summary>
    /// Gets or sets how many requests the journal keeps at most; when one more arrives, the oldest quarter of them is dropped, so <see cref="HttpFixtureServer.Requests"/>,
    /// waits, takes and assertions see only the latest ones (<see cref="RecordedRequest.Sequence"/> keeps counting, so a gap shows the drop).
    /// It is meant for load and soak tests that do not read the journal: a journal that keeps every request grows without end, and
    /// under load the garbage collector's work on it costs more than the requests themselves. Bodies spilled to temp files stay until dispose.
    /// </summary>
    /// <value>The default value is 0: every request is kept.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int MaxRecordedRequests
    {
        get => _maxRecordedRequests;
        set => _maxRecordedRequests = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxRecordedRequests must be zero (keep every request) or a positive count.");
    }
}
