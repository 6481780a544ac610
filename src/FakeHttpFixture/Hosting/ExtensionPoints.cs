using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>
/// What add-on packages plugged into one server: stages by position, observers, own pages and per-server state. Lists are
/// replaced whole when something is added, so the request path reads them without a lock, and a server with none pays one
/// length check per position.
/// </summary>
internal sealed class ExtensionPoints
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Type, object> _state = [];
    private IAnsweringStage[] _withStubs = [];
    private IAnsweringStage[] _afterReplay = [];
    private IExchangeObserver[] _observers = [];
    private OwnPage[] _pages = [];
    private volatile bool _hasStages;

    /// <summary>Gets or sets the server these belong to; set once, right after it is made.</summary>
    public HttpFixtureServer? Server { get; set; }

    public IExchangeObserver[] Observers => Volatile.Read(ref _observers);

    public OwnPage[] Pages => Volatile.Read(ref _pages);

    /// <summary>Gets a value indicating whether any stage was added, so a server without one asks nothing more per request.</summary>
    public bool HasStages => _hasStages;

    public IAnsweringStage[] Stages(StagePosition position) => position == StagePosition.WithStubs ? Volatile.Read(ref _withStubs) : Volatile.Read(ref _afterReplay);

    /// <summary>Returns whether a stage will read <paramref name="request"/>'s body as it arrives; asked only when stages were added.</summary>
    public bool AnswersWhileBodyArrives(HttpRequest request)
    {
        foreach (var stage in Volatile.Read(ref _withStubs))
        {
            if (stage.AnswersWhileBodyArrives(request))
            {
                return true;
            }
        }

        foreach (var stage in Volatile.Read(ref _afterReplay))
        {
            if (stage.AnswersWhileBodyArrives(request))
            {
                return true;
            }
        }

        return false;
    }

    public void Add(IAnsweringStage stage, StagePosition position)
    {
        lock (_gate)
        {
            if (position == StagePosition.WithStubs)
            {
                _withStubs = [.. _withStubs, stage];
            }
            else
            {
                _afterReplay = [.. _afterReplay, stage];
            }

            _hasStages = true;
        }
    }

    public void Add(IExchangeObserver observer)
    {
        lock (_gate)
        {
            _observers = [.. _observers, observer];
        }
    }

    public void Add(OwnPage page)
    {
        lock (_gate)
        {
            _pages = [.. _pages, page];
        }
    }

    public T GetOrAdd<T>(Func<T> create)
        where T : class
    {
        lock (_gate)
        {
            if (!_state.TryGetValue(typeof(T), out var value))
            {
                value = create();
                _state[typeof(T)] = value;
            }

            return (T)value;
        }
    }

    /// <summary>Returns the own page whose prefix the path starts with, segment by segment, or null.</summary>
    public OwnPage? Match(PathString path)
    {
        foreach (var page in Pages)
        {
            if (path.StartsWithSegments(page.Prefix, StringComparison.OrdinalIgnoreCase))
            {
                return page;
            }
        }

        return null;
    }

    public void Reset()
    {
        foreach (var stage in Volatile.Read(ref _withStubs))
        {
            stage.Reset();
        }

        foreach (var stage in Volatile.Read(ref _afterReplay))
        {
            stage.Reset();
        }

        foreach (var observer in Observers)
        {
            observer.Reset();
        }
    }
}
