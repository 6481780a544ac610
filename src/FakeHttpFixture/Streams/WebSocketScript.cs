using System.Net.WebSockets;

namespace FakeHttpFixture;

/// <summary>
/// Scripts the server's side of a WebSocket conversation for <see cref="StubResponse.WebSocket"/>: what it sends once the
/// client has connected, how it replies to the client's messages (the first rule that matches a message answers it; a message
/// no rule matches gets no reply), and a <see cref="WebSocketFeed"/> through which the test sends at any time.
/// </summary>
/// <example>
/// <code>
/// StubResponse.WebSocket(ws => ws
///     .OnConnect(WebSocketAction.Text("welcome"))
///     .OnMessage("ping", WebSocketAction.Text("pong"))
///     .OnMessage(m => m.Text == "bye", WebSocketAction.Close(WebSocketCloseStatus.NormalClosure, "bye"))
///     .Echo());
/// </code>
/// </example>
public sealed class WebSocketScript
{
    private readonly List<WebSocketAction> _onConnect = [];
    private readonly List<WebSocketRule> _rules = [];
    private WebSocketFeed? _feed;
    private string? _subProtocol;

    internal WebSocketScript()
    {
    }

    /// <summary>Runs <paramref name="actions"/> as soon as the WebSocket is accepted, before any message is read: a greeting, a snapshot, or a close.</summary>
    /// <param name="actions">The actions, in order.</param>
    /// <returns>This script, for chaining.</returns>
    public WebSocketScript OnConnect(params WebSocketAction[] actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        _onConnect.AddRange(actions.Select(a => a ?? throw new ArgumentException("An action is null; give a WebSocketAction such as WebSocketAction.Text(\"hello\").", nameof(actions))));
        return this;
    }

    /// <summary>Replies to each text or binary message that <paramref name="match"/> accepts by running <paramref name="actions"/>.</summary>
    /// <param name="match">Chooses the messages, such as <c>m =&gt; m.MessageType == WebSocketMessageType.Binary</c>; it runs on the server's thread and should not throw.</param>
    /// <param name="actions">The actions, in order; none to swallow the message.</param>
    /// <returns>This script, for chaining.</returns>
    public WebSocketScript OnMessage(Func<WebSocketMessage, bool> match, params WebSocketAction[] actions)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(actions);
        WebSocketAction[] fixedActions = [.. actions];
        _rules.Add(new WebSocketRule(match, _ => fixedActions));
        return this;
    }

    /// <summary>Replies to each text or binary message that <paramref name="match"/> accepts with the action <paramref name="reply"/> makes from it.</summary>
    /// <param name="match">Chooses the messages.</param>
    /// <param name="reply">Makes the reply, such as <c>m =&gt; WebSocketAction.Text(m.Text.ToUpperInvariant())</c>; <see langword="null"/> for none. An exception it throws breaks the connection and is reported by <see cref="HttpFixtureServer.Verify"/>.</param>
    /// <returns>This script, for chaining.</returns>
    public WebSocketScript OnMessage(Func<WebSocketMessage, bool> match, Func<WebSocketMessage, WebSocketAction?> reply)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(reply);
        _rules.Add(new WebSocketRule(match, m => reply(m) is { } action ? [action] : []));
        return this;
    }

    /// <summary>Replies to each text message that is exactly <paramref name="text"/> by running <paramref name="actions"/>.</summary>
    /// <param name="text">The text, compared exactly.</param>
    /// <param name="actions">The actions, in order.</param>
    /// <returns>This script, for chaining.</returns>
    public WebSocketScript OnMessage(string text, params WebSocketAction[] actions)
    {
        ArgumentNullException.ThrowIfNull(text);
        return OnMessage(m => m.MessageType == WebSocketMessageType.Text && m.Text == text, actions);
    }

    /// <summary>Sends each text or binary message that no earlier rule answered back to the client as it came; rules added after it never run.</summary>
    /// <returns>This script, for chaining.</returns>
    public WebSocketScript Echo()
    {
        _rules.Add(new WebSocketRule(static _ => true, static m => [WebSocketAction.Message(m.MessageType, m.Payload)]));
        return this;
    }

    /// <summary>Lets the test send on the WebSocket at any time through <paramref name="feed"/>, beside the scripted replies.</summary>
    /// <param name="feed">The feed the test keeps.</param>
    /// <returns>This script, for chaining.</returns>
    public WebSocketScript UseFeed(WebSocketFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        _feed = feed;
        return this;
    }

    /// <summary>Accepts the subprotocol <paramref name="subProtocol"/> (Sec-WebSocket-Protocol) when the client offers it; without it, the server accepts none.</summary>
    /// <param name="subProtocol">The subprotocol, such as "graphql-transport-ws".</param>
    /// <returns>This script, for chaining.</returns>
    public WebSocketScript AcceptSubProtocol(string subProtocol)
    {
        ArgumentException.ThrowIfNullOrEmpty(subProtocol);
        _subProtocol = subProtocol;
        return this;
    }

    internal WebSocketConversation Freeze() => new([.. _onConnect], [.. _rules], _feed, _subProtocol);
}
