using System.Collections.Concurrent;
using System.Diagnostics;

namespace FakeHttpFixture;

/// <summary>
/// One test's identity on the wire: an <see cref="System.Diagnostics.Activity"/> with a trace of its own and the test's id in its
/// W3C baggage, so that every request the test causes (directly, from code on other threads that keeps the execution context, or
/// from an app under test that propagates <c>traceparent</c>) is recorded with <see cref="RecordedRequest.TestId"/>. While a scope is
/// current, a server's <see cref="HttpFixtureServer.Requests"/>, waits, assertions, <see cref="HttpFixtureServer.Verify"/>,
/// <see cref="HttpFixtureServer.JournalSummary"/> and <see cref="HttpFixtureServer.SaveHar"/> see only that test's requests and the
/// ones no test can be named for; <see cref="HttpFixtureServer.AllRequests"/> still lists everything. The test-framework adapters
/// begin and end a scope around each test; other code rarely needs to.
/// </summary>
public sealed class TestScope : IDisposable
{
    /// <summary>The name of the <see cref="ActivitySource"/> whose activities mark tests; an OpenTelemetry listener sees each test as a span of it.</summary>
    public const string ActivitySourceName = "FakeHttpFixture";

    /// <summary>The W3C baggage key that carries the test's id on every request the test causes.</summary>
    public const string BaggageKey = "fakehttp.test";

    private static readonly ActivitySource Source = new(ActivitySourceName);
    private static readonly ConcurrentDictionary<string, TestScope> ById = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<ActivityTraceId, TestScope> ByTrace = new();

    private Activity? _activity;

    private TestScope(string id, string name, Activity activity)
    {
        Id = id;
        Name = name;
        _activity = activity;
        TraceId = activity.TraceId;
    }

    /// <summary>Gets the scope of the test whose code is running, found from <see cref="Activity.Current"/>; <see langword="null"/> outside a test.</summary>
    public static TestScope? Current
    {
        get
        {
            for (var activity = Activity.Current; activity is not null; activity = activity.Parent)
            {
                if (activity.GetBaggageItem(BaggageKey) is { } id && ById.TryGetValue(id, out var byId))
                {
                    return byId;
                }

                if (ByTrace.TryGetValue(activity.TraceId, out var byTrace))
                {
                    return byTrace;
                }
            }

            return null;
        }
    }

    /// <summary>Gets the test's id, unique in the test run (the framework's own id where it has one).</summary>
    public string Id { get; }

    /// <summary>Gets the test's display name, for failure output.</summary>
    public string Name { get; }

    /// <summary>Gets the trace that the test's requests carry in their <c>traceparent</c> header.</summary>
    public ActivityTraceId TraceId { get; }

    /// <summary>Gets the activity that marks the test, or <see langword="null"/> once the scope is disposed.</summary>
    public Activity? Activity => _activity;

    /// <summary>
    /// Begins a scope for a test: starts its activity as the root of a new trace, without making it current (call <see cref="Enter"/>
    /// from the code that runs the test). A second call with the same id returns the scope already begun.
    /// </summary>
    /// <param name="id">The test's id, unique in the run.</param>
    /// <param name="name">The test's display name.</param>
    /// <returns>The scope; dispose it when the test has ended.</returns>
    public static TestScope Begin(string id, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(name);
        if (ById.TryGetValue(id, out var existing) && existing._activity is not null)
        {
            return existing;
        }

        var outer = Activity.Current;
        Activity.Current = null;
        try
        {
            // A listener (OpenTelemetry) gets the test as a span of our source; without one, a bare activity still carries the headers.
            var activity = Source.CreateActivity("test", ActivityKind.Internal) ?? new Activity(ActivitySourceName + ".test");
            activity.SetIdFormat(ActivityIdFormat.W3C);
            activity.SetTag("test.id", id);
            activity.SetTag("test.name", name);
            activity.AddBaggage(BaggageKey, id);
            activity.Start();
            var scope = new TestScope(id, name, activity);
            ById[id] = scope;
            ByTrace[scope.TraceId] = scope;
            return scope;
        }
        finally
        {
            Activity.Current = outer;
        }
    }

    /// <summary>Returns the scope begun for <paramref name="id"/>, also after it ended, or <see langword="null"/>.</summary>
    /// <param name="id">The test's id.</param>
    /// <returns>The scope, or <see langword="null"/> when no test with that id began one.</returns>
    public static TestScope? Find(string? id) => id is not null && ById.TryGetValue(id, out var scope) ? scope : null;

    internal static TestScope? FindByTrace(ActivityTraceId traceId) => ByTrace.TryGetValue(traceId, out var scope) ? scope : null;

    /// <summary>
    /// Makes the test's activity current for the calling code and whatever it calls or starts from now on. Call it from a synchronous
    /// method (a property getter of the adapter, say): a value set there stays with the caller, while one set inside an async method
    /// is undone when that method returns.
    /// </summary>
    public void Enter()
    {
        var activity = _activity;
        if (activity is not null && !ReferenceEquals(Current, this))
        {
            Activity.Current = activity;
        }
    }

    /// <summary>Ends the test's activity. The scope stays known by its id, so that requests that arrive late are still attributed.</summary>
    public void Dispose()
    {
        var activity = Interlocked.Exchange(ref _activity, null);
        if (activity is null)
        {
            return;
        }

        var outer = Activity.Current;
        activity.Stop();
        Activity.Current = ReferenceEquals(outer, activity) ? null : outer;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
