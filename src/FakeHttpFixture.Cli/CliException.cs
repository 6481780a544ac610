namespace FakeHttpFixture.Cli;

/// <summary>A failure fakehttp explains to its user in one line: its message says what happened and what to do.</summary>
internal sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
