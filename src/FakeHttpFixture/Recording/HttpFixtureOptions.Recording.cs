namespace FakeHttpFixture;

/// <content>How the journal keeps what it records.</content>
public sealed partial class HttpFixtureOptions
{
    private long _bodyMemoryThreshold = 1024 * 1024;

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
}
