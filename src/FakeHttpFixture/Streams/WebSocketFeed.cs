namespace FakeHttpFixture;

/// <summary>
/// Represents what a test sends on WebSockets while they are open: pass it to <see cref="WebSocketScript.UseFeed"/> and keep it.
/// Each action goes to every WebSocket open on the feed; an action sent while none is open waits for the next one to open, so a
/// test can send before the client has connected.
/// </summary>
public sealed class WebSocketFeed
{
    private const string Name = "WebSocket feed";

    internal FeedHub<WebSocketAction> Hub { get; } = new();

    /// <summary>Gets how many WebSockets are open on the feed now.</summary>
    public int OpenConnections => Hub.OpenCount;

    /// <summary>Runs <paramref name="action"/> on every open WebSocket, or on the next to open when none is: a message, a close, a fault.</summary>
    /// <param name="action">The action.</param>
    /// <param name="cancellationToken">Cancels the wait for the action to be done; the action itself is not taken back.</param>
    /// <returns>A task that completes once each WebSocket it went to has run it (or closed).</returns>
    public Task SendAsync(WebSocketAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Hub.PublishAsync(action, Name, cancellationToken);
    }

    /// <summary>Sends a text message on every open WebSocket, or on the next to open when none is.</summary>
    /// <param name="text">The text.</param>
    /// <param name="cancellationToken">Cancels the wait for the message to go out.</param>
    /// <returns>A task that completes once the message has been sent on each WebSocket it went to.</returns>
    public Task SendTextAsync(string text, CancellationToken cancellationToken = default) => SendAsync(WebSocketAction.Text(text), cancellationToken);

    /// <summary>Sends a binary message on every open WebSocket, or on the next to open when none is.</summary>
    /// <param name="data">The payload.</param>
    /// <param name="cancellationToken">Cancels the wait for the message to go out.</param>
    /// <returns>A task that completes once the message has been sent on each WebSocket it went to.</returns>
    public Task SendBinaryAsync(byte[] data, CancellationToken cancellationToken = default) => SendAsync(WebSocketAction.Binary(data), cancellationToken);

    /// <summary>Returns once a WebSocket is open on the feed, for a test that must know the client has connected.</summary>
    /// <param name="timeout">How long to wait; <see langword="null"/> for 5 seconds.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when a WebSocket is open.</returns>
    /// <exception cref="TimeoutException">No WebSocket opened in time.</exception>
    public Task WaitForConnectionAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Hub.WaitForOpenAsync(timeout ?? TimeSpan.FromSeconds(5), "WebSocket on this feed", cancellationToken);
}
