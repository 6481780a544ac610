namespace FakeHttpFixture;

/// <summary>A WebSocket script as it was when the stub was made: it no longer changes when the script object does.</summary>
/// <param name="OnConnect">What the server does once the WebSocket is accepted.</param>
/// <param name="Rules">The replies, in the order added; the first that matches a message answers it.</param>
/// <param name="Feed">The feed the test sends on, or <see langword="null"/>.</param>
/// <param name="SubProtocol">The subprotocol the server accepts when the client offers it, or <see langword="null"/>.</param>
internal sealed record WebSocketConversation(WebSocketAction[] OnConnect, WebSocketRule[] Rules, WebSocketFeed? Feed, string? SubProtocol);
