using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <content>The public seam for add-on packages (FakeHttpFixture.OpenApi, FakeHttpFixture.Grpc, WireMock mappings): stages, observers, own pages, problems and per-server state.</content>
public sealed partial class HttpFixtureServer
{
    /// <summary>
    /// Adds an answering stage at <paramref name="position"/>, after the stages already there; it is asked from the next request on.
    /// Stages are what add-on packages plug in (gRPC stubs, WireMock mappings, answers from an OpenAPI document); a test rarely needs one.
    /// </summary>
    /// <param name="stage">The stage.</param>
    /// <param name="position">Where it is asked among the server's own stages.</param>
    public void AddStage(IAnsweringStage stage, StagePosition position)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (!Enum.IsDefined(position))
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, "The position must be StagePosition.WithStubs or StagePosition.AfterReplay.");
        }

        _extensions.Add(stage, position);
    }

    /// <summary>Adds an observer that sees every exchange once it has completed, from the next request on.</summary>
    /// <param name="observer">The observer.</param>
    public void AddObserver(IExchangeObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _extensions.Add(observer);
    }

    /// <summary>
    /// Answers every request whose path starts with <paramref name="pathPrefix"/> (segment by segment, any case) with
    /// <paramref name="handler"/>, before anything is recorded: such requests are never in the journal, the HAR or a miss report.
    /// It is for pages about the server itself, such as an admin API or an inspector.
    /// </summary>
    /// <param name="pathPrefix">A path such as "/__admin".</param>
    /// <param name="handler">What answers those requests.</param>
    public void MapOwnPages(string pathPrefix, RequestDelegate handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (string.IsNullOrEmpty(pathPrefix) || pathPrefix[0] != '/' || pathPrefix == "/")
        {
            throw new ArgumentException($"The prefix must be a path below the root, such as \"/__admin\"; it is '{pathPrefix}'.", nameof(pathPrefix));
        }

        _extensions.Add(new OwnPage(new PathString(pathPrefix.TrimEnd('/')), handler));
    }

    /// <summary>
    /// Gets a value indicating whether the server was started with <see cref="HttpFixtureOptions.Strict"/>: an added stage that
    /// answers a request it cannot match (a gRPC call to a method nothing stubs) reports it with <see cref="ReportProblem"/> then.
    /// </summary>
    public bool Strict => _options.Strict;

    /// <summary>Reports a problem that <see cref="Verify"/> then throws with the others, such as a contract violation an observer found; <see cref="Reset"/> forgets it.</summary>
    /// <param name="problem">One or more whole sentences saying what went wrong and with which request.</param>
    public void ReportProblem(string problem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(problem);
        _problems.Report(problem);
    }

    // A callback that fails leaves no server behind: the start fails as a whole, with the callback's exception.
    private async Task RunStartedCallbacksAsync(List<Action<HttpFixtureServer>> callbacks)
    {
        try
        {
            foreach (var callback in callbacks)
            {
                callback(this);
            }
        }
        catch
        {
            await DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Returns the state of type <typeparamref name="T"/> an add-on package keeps for this server, made by <paramref name="create"/> on first use.</summary>
    /// <typeparam name="T">The package's own type; one value per type and server.</typeparam>
    /// <param name="create">Makes the state, once.</param>
    /// <returns>The state.</returns>
    public T GetOrAddExtension<T>(Func<HttpFixtureServer, T> create)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(create);
        return _extensions.GetOrAdd(() => create(this));
    }
}
