using System.Net.ServerSentEvents;

namespace FakeHttpFixture;

/// <summary>One step of an event stream: an event to send, a comment line to send, or a fault that breaks the stream.</summary>
/// <param name="Item">The event, when the step is one.</param>
/// <param name="Comment">The comment's text, when the step is a comment.</param>
/// <param name="Break">The fault, when the step breaks the stream; <see cref="ResponseFault.None"/> otherwise.</param>
internal readonly record struct EventStreamStep(SseItem<string> Item, string? Comment, ResponseFault Break);
