namespace FakeHttpFixture;

/// <summary>One reply of a WebSocket script: the messages it answers and what it does for each.</summary>
/// <param name="Match">Chooses the messages the rule answers.</param>
/// <param name="Reply">Gives the actions for a message.</param>
internal sealed record WebSocketRule(Func<WebSocketMessage, bool> Match, Func<WebSocketMessage, IReadOnlyList<WebSocketAction>> Reply);
