using System.Net.ServerSentEvents;

namespace FakeHttpFixture;

/// <summary>How a stubbed event stream plays: where its events come from, the waits between them, keep-alives and where it breaks.</summary>
internal sealed record EventStreamScript
{
    /// <summary>Gets the events given up front; the stream ends after them.</summary>
    public SseItem<string>[]? Events { get; init; }

    /// <summary>Gets the sequence the events come from, for a long or endless stream; the stream ends with it.</summary>
    public IAsyncEnumerable<SseItem<string>>? Source { get; init; }

    /// <summary>Gets the feed the test sends events on; the stream ends when the feed completes.</summary>
    public EventStreamFeed? Feed { get; init; }

    /// <summary>Gets the wait before each event but the first.</summary>
    public TimeSpan Interval { get; init; }

    /// <summary>Gets extra waits before single events, by the event's index.</summary>
    public IReadOnlyDictionary<int, TimeSpan> Delays { get; init; } = new Dictionary<int, TimeSpan>();

    /// <summary>Gets how long the stream may stay silent before a comment line keeps it alive; zero for never.</summary>
    public TimeSpan KeepAlive { get; init; }

    /// <summary>Gets the text of the keep-alive comment.</summary>
    public string KeepAliveComment { get; init; } = "keep-alive";

    /// <summary>Gets after how many events the stream breaks; -1 for never.</summary>
    public int BreakAfter { get; init; } = -1;

    /// <summary>Gets how the stream breaks after <see cref="BreakAfter"/> events.</summary>
    public ResponseFault BreakFault { get; init; }
}
