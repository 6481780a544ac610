namespace FakeHttpFixture;

/// <summary>
/// The exception thrown when an assertion of <see cref="HttpFixtureServer"/>, such as
/// <see cref="HttpFixtureServer.ShouldHaveReceived(HttpMethod, string)"/>, fails; every test framework reports it as a failure.
/// Its message says what was expected and lists what arrived, nearest match first. It is also the base of
/// <see cref="HttpFixtureVerificationException"/>, so one <c>catch</c> or one expected type covers every failed check of the fixture.
/// </summary>
public class HttpFixtureAssertionException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="HttpFixtureAssertionException"/> class.</summary>
    public HttpFixtureAssertionException()
        : base("An assertion about the requests the fixture server received failed.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="HttpFixtureAssertionException"/> class with a message.</summary>
    /// <param name="message">What was expected and what arrived.</param>
    public HttpFixtureAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="HttpFixtureAssertionException"/> class with a message and its cause.</summary>
    /// <param name="message">What was expected and what arrived.</param>
    /// <param name="innerException">The cause.</param>
    public HttpFixtureAssertionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
