using System.Globalization;

namespace FakeHttpFixture;

/// <summary>What went wrong on the server's side of a test, for <see cref="HttpFixtureServer.Verify"/>: requests nothing answered in strict mode and exceptions thrown by handlers.</summary>
internal sealed class ProblemLog
{
    private readonly Lock _gate = new();
    private readonly List<string> _problems = [];
    private readonly List<Exception> _exceptions = [];

    // The request each problem is about (null for a problem of the whole server), so a test on a shared server verifies its own.
    private readonly List<RecordedRequest?> _subjects = [];
    private readonly List<RecordedRequest?> _exceptionSubjects = [];

    public void HandlerFailed(RecordedRequest request, Exception exception, bool responseStarted)
    {
        var problem = string.Create(CultureInfo.InvariantCulture, $"The handler for #{request.Sequence} {request.Method} {request.Path}{request.QueryString} threw {exception.GetType().Name}: {exception.Message} {(responseStarted ? "The response had started, so the connection was aborted." : "The client saw 500.")}");
        lock (_gate)
        {
            _exceptions.Add(exception);
            _exceptionSubjects.Add(request);
            _problems.Add(problem);
            _subjects.Add(request);
        }
    }

    public void Report(string problem)
    {
        lock (_gate)
        {
            _problems.Add(problem);
            _subjects.Add(null);
        }
    }

    public void Unmatched(RecordedRequest request, string report)
    {
        lock (_gate)
        {
            _problems.Add(report);
            _subjects.Add(request);
        }
    }

    /// <summary>Returns the problems so far, in the order they happened, and the exception to give as the cause.</summary>
    /// <param name="cause">The exception to give as the cause.</param>
    /// <param name="include">Which requests' problems count; problems of the whole server always do.</param>
    public List<string> Snapshot(out Exception? cause, Func<RecordedRequest, bool>? include = null)
    {
        lock (_gate)
        {
            var exceptions = _exceptions.Where((_, i) => Counts(_exceptionSubjects[i], include)).ToList();
            cause = exceptions.Count switch
            {
                0 => null,
                1 => exceptions[0],
                _ => new AggregateException(exceptions),
            };
            return [.. _problems.Where((_, i) => Counts(_subjects[i], include))];
        }
    }

    private static bool Counts(RecordedRequest? subject, Func<RecordedRequest, bool>? include) =>
        subject is null || include is null || include(subject);

    public void Clear()
    {
        lock (_gate)
        {
            _problems.Clear();
            _exceptions.Clear();
            _subjects.Clear();
            _exceptionSubjects.Clear();
        }
    }
}
