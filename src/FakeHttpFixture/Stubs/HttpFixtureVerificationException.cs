namespace FakeHttpFixture;

/// <summary>
/// The exception thrown by <see cref="HttpFixtureServer.Verify"/>; its message lists every problem found, one per line. It is an
/// <see cref="HttpFixtureAssertionException"/>: Verify checks what the server saw, the assertions what the client did, and both fail the test the same way.
/// </summary>
public sealed class HttpFixtureVerificationException : HttpFixtureAssertionException
{
    /// <summary>Initializes a new instance of the <see cref="HttpFixtureVerificationException"/> class with no problems listed.</summary>
    public HttpFixtureVerificationException()
        : this([])
    {
    }

    /// <summary>Initializes a new instance of the <see cref="HttpFixtureVerificationException"/> class with a message.</summary>
    /// <param name="message">The message.</param>
    public HttpFixtureVerificationException(string message)
        : base(message)
    {
        Problems = [message];
    }

    /// <summary>Initializes a new instance of the <see cref="HttpFixtureVerificationException"/> class with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public HttpFixtureVerificationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Initializes a new instance of the <see cref="HttpFixtureVerificationException"/> class listing <paramref name="problems"/>.</summary>
    /// <param name="problems">The problems, one sentence each.</param>
    public HttpFixtureVerificationException(IReadOnlyList<string> problems)
        : base(Format(problems))
    {
        Problems = problems;
    }

    internal HttpFixtureVerificationException(IReadOnlyList<string> problems, Exception? innerException, string? note = null)
        : base(note is null ? Format(problems) : Format(problems) + "\n" + note, innerException)
    {
        Problems = problems;
    }

    /// <summary>Gets the problems found, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Format(IReadOnlyList<string> problems) => problems.Count switch
    {
        0 => "The fixture server found no problem.",
        1 => "The fixture server found a problem: " + problems[0],
        // A problem of several lines (a miss report) stays under its bullet.
        _ => $"The fixture server found {problems.Count} problems:" + string.Concat(problems.Select(p => "\n- " + p.Replace("\n", "\n  ", StringComparison.Ordinal))),
    };
}
