using System.Globalization;
using System.Net.WebSockets;
using System.Text;

namespace FakeHttpFixture;

/// <summary>
/// Describes one thing the server does on a WebSocket: send a text or binary message, close with a status and reason, wait, or
/// break the connection the ways real ones break. A <see cref="WebSocketScript"/> runs them on connect and in reply to messages;
/// a <see cref="WebSocketFeed"/> runs them when the test says. Instances are immutable and can be reused.
/// </summary>
public sealed class WebSocketAction
{
    // A close frame's payload is at most 125 bytes, two of which are the status code.
    private const int MaxCloseReasonBytes = 123;

    private WebSocketAction(WebSocketActionKind kind, byte[] payload)
    {
        Kind = kind;
        Payload = payload;
    }

    internal WebSocketActionKind Kind { get; }

    internal byte[] Payload { get; }

    internal WebSocketMessageType PayloadType { get; private init; }

    internal WebSocketCloseStatus CloseStatus { get; private init; }

    internal string? CloseReason { get; private init; }

    internal int BytesSent { get; private init; }

    internal TimeSpan Wait { get; private init; }

    /// <summary>Sends a text message.</summary>
    /// <param name="text">The text, sent as UTF-8.</param>
    /// <returns>The action.</returns>
    public static WebSocketAction Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(WebSocketActionKind.Text, Encoding.UTF8.GetBytes(text)) { PayloadType = WebSocketMessageType.Text };
    }

    /// <summary>Sends a binary message.</summary>
    /// <param name="data">The payload; the array is not copied, so do not change it while the server runs.</param>
    /// <returns>The action.</returns>
    public static WebSocketAction Binary(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new(WebSocketActionKind.Binary, data) { PayloadType = WebSocketMessageType.Binary };
    }

    /// <summary>
    /// Closes the WebSocket: sends a close frame with <paramref name="status"/> and <paramref name="reason"/>, then waits for the
    /// client's close frame, as the closing handshake goes. Actions after it in the same list are not run.
    /// </summary>
    /// <param name="status">The status code, such as <see cref="WebSocketCloseStatus.NormalClosure"/> (1000) or a code of your own from 4000 to 4999; <see cref="WebSocketCloseStatus.Empty"/> sends a close frame without one.</param>
    /// <param name="reason">The reason, at most 123 bytes of UTF-8; <see langword="null"/> for none.</param>
    /// <returns>The action.</returns>
    /// <exception cref="ArgumentException">The reason is too long, or the status is one a close frame may not carry.</exception>
    public static WebSocketAction Close(WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure, string? reason = null)
    {
        var code = (int)status;
        // RFC 6455, section 7.4.1: 1004 is reserved, and 1005, 1006 and 1015 stand for "no code", "closed abnormally" and "TLS
        // failed", which an endpoint reports but must never send. Empty (1005) here means a close frame with no code at all.
        if (code is < 1000 or > 4999 or 1004 or 1006 or 1015 or (>= 1016 and < 3000))
        {
            throw new ArgumentException($"A close frame cannot carry the status {code}: RFC 6455 (section 7.4.1) reserves it. Use 1000 (NormalClosure), another code RFC 6455 allows (1001–1003, 1007–1014), one registered from 3000, or one of your own from 4000 to 4999.", nameof(status));
        }

        if (status == WebSocketCloseStatus.Empty && !string.IsNullOrEmpty(reason))
        {
            throw new ArgumentException("A close frame without a status (Empty) cannot carry a reason. Give a status such as NormalClosure, or no reason.", nameof(reason));
        }

        if (reason is not null && Encoding.UTF8.GetByteCount(reason) > MaxCloseReasonBytes)
        {
            throw new ArgumentException($"A close reason is at most {MaxCloseReasonBytes} bytes of UTF-8; this one has {Encoding.UTF8.GetByteCount(reason)}. Shorten it.", nameof(reason));
        }

        return new(WebSocketActionKind.Close, []) { CloseStatus = status, CloseReason = reason };
    }

    /// <summary>Sends a message of <paramref name="type"/> with exactly <paramref name="payload"/>, as the client's message was, without decoding it.</summary>
    internal static WebSocketAction Message(WebSocketMessageType type, byte[] payload) =>
        new(type == WebSocketMessageType.Text ? WebSocketActionKind.Text : WebSocketActionKind.Binary, payload) { PayloadType = type };

    /// <summary>Answers the client's close frame with the same status and reason, which the client chose and the framework checked.</summary>
    internal static WebSocketAction CloseReply(WebSocketCloseStatus status, string? reason) =>
        new(WebSocketActionKind.Close, []) { CloseStatus = status, CloseReason = string.IsNullOrEmpty(reason) ? null : reason };

    /// <summary>
    /// Breaks the connection at once, without a close frame: the TCP connection is reset (RST), or on HTTP/2 the stream is
    /// (RST_STREAM). A client sees the WebSocket fail; the journal records <see cref="ResponseFault.ResetConnection"/> or
    /// <see cref="ResponseFault.ResetStream"/>.
    /// </summary>
    /// <returns>The action.</returns>
    public static WebSocketAction Abort() => new(WebSocketActionKind.Abort, []);

    /// <summary>
    /// Starts a text message and closes the connection in the middle of it: the first <paramref name="bytesSent"/> bytes go out as
    /// a frame that promises more, then the connection closes without a close frame. The journal records the part that was sent
    /// (<see cref="WebSocketMessage.EndOfMessage"/> false) and <see cref="ResponseFault.TruncateAfter"/>.
    /// </summary>
    /// <param name="text">The whole message, as UTF-8.</param>
    /// <param name="bytesSent">How many of its bytes go out before the close; fewer than the message has.</param>
    /// <returns>The action.</returns>
    public static WebSocketAction CloseMidMessage(string text, int bytesSent)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CloseMidMessage(Encoding.UTF8.GetBytes(text), bytesSent, WebSocketMessageType.Text);
    }

    /// <summary>Starts a binary message and closes the connection in the middle of it, as <see cref="CloseMidMessage(string, int)"/> does for text.</summary>
    /// <param name="data">The whole message.</param>
    /// <param name="bytesSent">How many of its bytes go out before the close; fewer than the message has.</param>
    /// <returns>The action.</returns>
    public static WebSocketAction CloseMidMessage(byte[] data, int bytesSent)
    {
        ArgumentNullException.ThrowIfNull(data);
        return CloseMidMessage(data, bytesSent, WebSocketMessageType.Binary);
    }

    /// <summary>
    /// Waits before the next action, as a slow server does; the client leaving or the server stopping ends the wait. What the client
    /// sends meanwhile, its close frame included, is read once the actions before it are done, as a server busy with its script reads it.
    /// </summary>
    /// <param name="delay">The wait.</param>
    /// <returns>The action.</returns>
    public static WebSocketAction Delay(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return new(WebSocketActionKind.Delay, []) { Wait = delay };
    }

    /// <summary>Returns a short description such as <c>text "pong"</c> or <c>close 1000 "bye"</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Kind switch
    {
        WebSocketActionKind.Text => $"text {StreamText.Quote(Encoding.UTF8.GetString(Payload))}",
        WebSocketActionKind.Binary => $"binary {ByteSize.Format(Payload.LongLength)}",
        WebSocketActionKind.Close => string.Create(CultureInfo.InvariantCulture, $"close {(int)CloseStatus}{(CloseReason is null ? string.Empty : " " + StreamText.Quote(CloseReason))}"),
        WebSocketActionKind.CloseMidMessage => string.Create(CultureInfo.InvariantCulture, $"close after {BytesSent} of {Payload.Length} bytes of a message"),
        WebSocketActionKind.Delay => $"wait {JournalText.Duration(Wait)}",
        _ => "abort",
    };

    private static WebSocketAction CloseMidMessage(byte[] data, int bytesSent, WebSocketMessageType type)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytesSent);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bytesSent, data.Length);
        return new(WebSocketActionKind.CloseMidMessage, data) { PayloadType = type, BytesSent = bytesSent };
    }
}
