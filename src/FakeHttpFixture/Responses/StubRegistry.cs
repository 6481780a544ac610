using System.Globalization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.FileProviders;

namespace FakeHttpFixture;

/// <summary>
/// What a test set up to answer (the queue and the stubs) and what went wrong while answering, for <see cref="HttpFixtureServer.Verify"/>.
/// Reads on the request path take no lock: the stub list is an array replaced as a whole, and the queue is looked at only when its count is not zero.
/// </summary>
internal sealed class StubRegistry(HttpFixtureOptions options, IFileProvider files)
{
    private readonly Lock _gate = new();
    private readonly Queue<StubResponse> _queue = new();
    private readonly List<string> _problems = [];
    private readonly List<Exception> _exceptions = [];
    // Never disposed: it has no timer, and a request still running after dispose may ask for its token.
    private readonly CancellationTokenSource _stopping = new();
    private volatile HttpStub[] _stubs = [];
    private volatile int _queued;
    private ContentTypeMap? _contentTypes;

    public HttpFixtureOptions Options { get; } = options;

    public IFileProvider Files { get; } = files;

    /// <summary>Gets the server's extension table (<see cref="HttpFixtureOptions.ContentTypes"/>), so a stubbed file is typed as the files stage types it.</summary>
    /// <remarks>Built on first use, since most servers never stub a file; two requests racing to build it build equal tables.</remarks>
    public ContentTypeMap ContentTypes => _contentTypes ??= new ContentTypeMap(Options.ContentTypes);

    /// <summary>Gets a token cancelled when the server starts to stop, which ends hanging and delayed responses at once.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public HttpStub Add(HttpStub stub)
    {
        lock (_gate)
        {
            _stubs = [.. _stubs, stub];
        }

        return stub;
    }

    public void Enqueue(StubResponse response)
    {
        lock (_gate)
        {
            _queue.Enqueue(response);
            _queued = _queue.Count;
        }
    }

    public bool TryDequeue(out StubResponse? response)
    {
        response = null;
        if (_queued == 0)
        {
            return false;
        }

        lock (_gate)
        {
            var taken = _queue.TryDequeue(out response);
            _queued = _queue.Count;
            return taken;
        }
    }

    /// <summary>Finds the stub that answers: the last added of those that match.</summary>
    public HttpStub? Find(RecordedRequest request, out RouteValueDictionary? routeValues)
    {
        var stubs = _stubs;
        for (var i = stubs.Length - 1; i >= 0; i--)
        {
            if (stubs[i].Matches(request, out routeValues))
            {
                return stubs[i];
            }
        }

        routeValues = null;
        return null;
    }

    public void RecordHandlerException(RecordedRequest request, Exception exception, bool responseStarted)
    {
        lock (_gate)
        {
            _exceptions.Add(exception);
        }

        AddProblem(string.Create(CultureInfo.InvariantCulture, $"The handler for #{request.Sequence} {request.Method} {request.Path}{request.QueryString} threw {exception.GetType().Name}: {exception.Message} {(responseStarted ? "The response had started, so the connection was aborted." : "The client saw 500.")}"));
    }

    public void RecordUnmatched(RecordedRequest request) =>
        AddProblem(string.Create(CultureInfo.InvariantCulture, $"#{request.Sequence} {request.Method} {request.Path}{request.QueryString} matched no stub or file and was answered {Options.UnmatchedStatusCode}."));

    public List<string> Problems(out Exception? cause)
    {
        List<string> problems;
        lock (_gate)
        {
            problems = [.. _problems];
            cause = _exceptions.Count switch
            {
                0 => null,
                1 => _exceptions[0],
                _ => new AggregateException(_exceptions),
            };
        }

        foreach (var stub in _stubs)
        {
            if (stub.IsRequired && stub.CallCount == 0)
            {
                problems.Add($"The required stub {stub} was never called.");
            }
        }

        return problems;
    }

    public void Reset()
    {
        lock (_gate)
        {
            _stubs = [];
            _queue.Clear();
            _queued = 0;
            _problems.Clear();
            _exceptions.Clear();
        }
    }

    public void StopServing() => _stopping.Cancel();

    private void AddProblem(string problem)
    {
        lock (_gate)
        {
            _problems.Add(problem);
        }
    }
}
