using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace FakeHttpFixture;

/// <summary>
/// One accepted WebSocket playing its script: the actions on connect, then each message the client sends, recorded and answered
/// by the first rule that matches, while a feed may send at any time. Sends are serialized, as a WebSocket allows one at a time.
/// The conversation ends with the closing handshake, a fault the script plays, the client leaving or the server stopping.
/// </summary>
internal sealed class WebSocketSession(Exchange exchange, WebSocket socket, WebSocketConversation conversation)
{
    private readonly SemaphoreSlim _sending = new(1, 1);
    // Set when a feed breaks the connection while the receiving side waits for a message that will never come.
    private readonly TaskCompletionSource _brokenByFeed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _closeSent;
    private volatile bool _broken;

    /// <remarks>
    /// The token is watched once for the whole conversation, by aborting the socket, rather than by every receive and send:
    /// a registration per message would be much of the cost of an echo.
    /// </remarks>
    public async Task RunAsync(CancellationToken token)
    {
        using var feedStop = CancellationTokenSource.CreateLinkedTokenSource(token);
        using var abortOnStop = token.UnsafeRegister(static state => ((WebSocket)state!).Abort(), socket);
        Task? feed = null;
        try
        {
            if (!await RunAsync(conversation.OnConnect, token).ConfigureAwait(false))
            {
                return;
            }

            if (conversation.Feed is { } source)
            {
                feed = PumpAsync(source.Hub, feedStop.Token);
            }

            await ReceiveAsync(token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException || ClientGone.Is(ex))
        {
            if (!_broken)
            {
                // The client went away without the closing handshake, or the server stopped: the record says the exchange broke off.
                exchange.Abort();
            }
        }
        finally
        {
            await feedStop.CancelAsync().ConfigureAwait(false);
            if (feed is not null)
            {
                await feed.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task ReceiveAsync(CancellationToken token)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (!_broken)
        {
            var receive = socket.ReceiveAsync(buffer.GetMemory(4096), CancellationToken.None);
            ValueWebSocketReceiveResult result;
            if (conversation.Feed is null || receive.IsCompleted)
            {
                result = await receive.ConfigureAwait(false);
            }
            else
            {
                var received = receive.AsTask();
                if (await Task.WhenAny(received, _brokenByFeed.Task).ConfigureAwait(false) != received)
                {
                    // The feed broke the connection mid-message: the read never completes normally; it fails once the connection is gone.
                    _ = received.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    return;
                }

                result = await received.ConfigureAwait(false);
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                var status = socket.CloseStatus ?? WebSocketCloseStatus.Empty;
                var reason = socket.CloseStatusDescription ?? string.Empty;
                exchange.RecordMessage(new WebSocketMessage(WebSocketDirection.Received, DateTimeOffset.UtcNow, WebSocketMessageType.Close, Encoding.UTF8.GetBytes(reason), closeStatus: status));
                if (!_closeSent)
                {
                    // The closing handshake: a close frame answers a close frame, with the same status.
                    await RunAsync([WebSocketAction.CloseReply(status, reason)], token).ConfigureAwait(false);
                }

                return;
            }

            buffer.Advance(result.Count);
            if (!result.EndOfMessage)
            {
                continue;
            }

            var message = new WebSocketMessage(WebSocketDirection.Received, DateTimeOffset.UtcNow, result.MessageType, buffer.WrittenSpan.ToArray());
            buffer.ResetWrittenCount();
            exchange.RecordMessage(message);
            if (_closeSent)
            {
                // After its close frame the server sends nothing more; it reads on until the client's close frame.
                continue;
            }

            foreach (var rule in conversation.Rules)
            {
                if (rule.Match(message))
                {
                    if (!await RunAsync(rule.Reply(message), token).ConfigureAwait(false))
                    {
                        return;
                    }

                    break;
                }
            }
        }
    }

    private async Task PumpAsync(FeedHub<WebSocketAction> feed, CancellationToken token)
    {
        var reader = feed.Open();
        try
        {
            while (await reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (reader.TryRead(out var delivery))
                {
                    try
                    {
                        await RunAsync([delivery.Item], token).ConfigureAwait(false);
                    }
                    finally
                    {
                        delivery.Done.TrySetResult();
                    }
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException || ClientGone.Is(ex))
        {
            // The conversation ended while the feed waited or sent; the receiving side records how.
        }
        finally
        {
            feed.Close(reader);
        }
    }

    /// <summary>Runs actions in order; returns false once the conversation is over (broken off), true while it goes on.</summary>
    private async Task<bool> RunAsync(IReadOnlyList<WebSocketAction> actions, CancellationToken token)
    {
        foreach (var action in actions)
        {
            if (_broken)
            {
                return false;
            }

            if (_closeSent)
            {
                // Nothing follows a close frame.
                return true;
            }

            if (action.Kind == WebSocketActionKind.Delay)
            {
                await Task.Delay(action.Wait, token).ConfigureAwait(false);
                continue;
            }

            await _sending.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                if (!await RunOneAsync(action).ConfigureAwait(false))
                {
                    return false;
                }
            }
            finally
            {
                _sending.Release();
            }
        }

        return !_broken;
    }

    private async Task<bool> RunOneAsync(WebSocketAction action)
    {
        switch (action.Kind)
        {
            case WebSocketActionKind.Text or WebSocketActionKind.Binary:
                await socket.SendAsync(action.Payload, action.PayloadType, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
                exchange.RecordMessage(new WebSocketMessage(WebSocketDirection.Sent, DateTimeOffset.UtcNow, action.PayloadType, action.Payload));
                return true;

            case WebSocketActionKind.Close:
                _closeSent = true;
                await socket.CloseOutputAsync(action.CloseStatus, action.CloseReason, CancellationToken.None).ConfigureAwait(false);
                exchange.RecordMessage(new WebSocketMessage(WebSocketDirection.Sent, DateTimeOffset.UtcNow, WebSocketMessageType.Close, Encoding.UTF8.GetBytes(action.CloseReason ?? string.Empty), closeStatus: action.CloseStatus));
                return true;

            case WebSocketActionKind.CloseMidMessage:
                var part = action.Payload.AsMemory(0, action.BytesSent);
                await socket.SendAsync(part, action.PayloadType, endOfMessage: false, CancellationToken.None).ConfigureAwait(false);
                exchange.RecordMessage(new WebSocketMessage(WebSocketDirection.Sent, DateTimeOffset.UtcNow, action.PayloadType, part.ToArray(), endOfMessage: false));
                _broken = true;
                _brokenByFeed.TrySetResult();
                exchange.PlayFault(ResponseFault.TruncateAfter);

                // Returning without a close frame ends the connection (HTTP/1.1) or the stream (HTTP/2) cleanly after the part
                // that was sent, so the client reads it and then finds the connection gone.
                return false;

            default:
                _broken = true;
                var http2 = exchange.Context.Request.Protocol != HttpProtocol.Http11;
                exchange.PlayFault(http2 ? ResponseFault.ResetStream : ResponseFault.ResetConnection);
                ConnectionFaults.ResetStream(exchange.Context, ConnectionFaults.InternalError);
                return false;
        }
    }
}
