namespace FakeHttpFixture;

/// <content>Addresses for clients of the streams the server answers with.</content>
public sealed partial class HttpFixtureServer
{
    /// <summary>
    /// Joins the server's WebSocket address with a relative path: "chat" gives "ws://127.0.0.1:PORT/chat", or "wss://…" with TLS,
    /// for a <see cref="System.Net.WebSockets.ClientWebSocket"/> or a browser's WebSocket.
    /// </summary>
    /// <param name="path">The path, with or without a leading '/', and optionally a query.</param>
    /// <returns>The absolute ws:// or wss:// URL.</returns>
    public Uri WebSocketUrl(string path)
    {
        var url = new UriBuilder(Url(path));
        url.Scheme = url.Scheme == Uri.UriSchemeHttps ? Uri.UriSchemeWss : Uri.UriSchemeWs;
        return url.Uri;
    }
}
