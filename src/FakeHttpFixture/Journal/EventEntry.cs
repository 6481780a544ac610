using System.Net.ServerSentEvents;

namespace FakeHttpFixture;

/// <summary>What the journal keeps of an event as it goes out; <see cref="ServerSentEvent"/> is made from it when a test reads it.</summary>
/// <param name="Item">The event; default for a comment.</param>
/// <param name="Comment">The text of a comment line, or <see langword="null"/> for an event.</param>
/// <param name="UtcTicks">When it had been flushed, in UTC ticks.</param>
internal readonly record struct EventEntry(SseItem<string> Item, string? Comment, long UtcTicks)
{
    public ServerSentEvent ToEvent() => Comment is null
        ? new ServerSentEvent(new DateTimeOffset(UtcTicks, TimeSpan.Zero), Item.EventType, Item.Data, Item.EventId, Item.ReconnectionInterval, null)
        : new ServerSentEvent(new DateTimeOffset(UtcTicks, TimeSpan.Zero), string.Empty, string.Empty, null, null, Comment);
}
