namespace FakeHttpFixture;

/// <content>How the server answers what no file answers.</content>
public sealed partial class HttpFixtureOptions
{
    private int _unmatchedStatusCode = 501;

    /// <summary>Gets or sets a value indicating whether the server answers CORS preflights and adds the CORS headers browser-based tests need.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool EnableCors { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether a request that no queued response, stub or file answers gets
    /// <see cref="UnmatchedStatusCode"/> and is reported by <see cref="HttpFixtureServer.Verify"/>, so that a call nobody expected fails the test.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: such requests get 404 (GET, HEAD) or <see cref="DefaultStatusCode"/>.</value>
    public bool Strict { get; set; }

    /// <summary>Gets or sets the status answered in <see cref="Strict"/> mode to a request nothing answers.</summary>
    /// <value>The default value is 501 (Not Implemented).</value>
    public int UnmatchedStatusCode
    {
        get => _unmatchedStatusCode;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 100);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 999);
            _unmatchedStatusCode = value;
        }
    }

    /// <summary>
    /// Gets or sets a value indicating whether <see cref="HttpFixtureServer.DisposeAsync"/> ends with <see cref="HttpFixtureServer.Verify"/>,
    /// so a test that forgets to verify still fails; dispose then throws <see cref="HttpFixtureVerificationException"/>, the only exception it throws.
    /// </summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool VerifyOnDispose { get; set; }
}
