using System.Globalization;

namespace FakeHttpFixture;

/// <summary>What went wrong on the server's side of a test, for <see cref="HttpFixtureServer.Verify"/>: requests nothing answered in strict mode and exceptions thrown by handlers.</summary>
internal sealed class ProblemLog
{
    private readonly Lock _gate = new();
    private readonly List<string> _problems = [];
    private readonly List<Exception> _exceptions = [];

    public void HandlerFailed(RecordedRequest request, Exception exception, bool responseStarted)
    {
        var problem = string.Create(CultureInfo.InvariantCulture, $"The handler for #{request.Sequence} {request.Method} {request.Path}{request.QueryString} threw {exception.GetType().Name}: {exception.Message} {(responseStarted ? "The response had started, so the connection was aborted." : "The client saw 500.")}");
        lock (_gate)
        {
            _exceptions.Add(exception);
            _problems.Add(problem);
        }
    }

    public void Report(string problem)
    {
        lock (_gate)
        {
            _problems.Add(problem);
        }
    }

    public void Unmatched(RecordedRequest request, string report)
    {
        lock (_gate)
        {
            _problems.Add(report);
        }
    }

    /// <summary>Returns the problems so far, in the order they happened, and the exception to give as the cause.</summary>
    public List<string> Snapshot(out Exception? cause)
    {
        lock (_gate)
        {
            cause = _exceptions.Count switch
            {
                0 => null,
                1 => _exceptions[0],
                _ => new AggregateException(_exceptions),
            };
            return [.. _problems];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _problems.Clear();
            _exceptions.Clear();
        }
    }
}
