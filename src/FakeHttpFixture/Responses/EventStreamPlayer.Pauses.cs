using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace FakeHttpFixture;

/// <content>Pauses and keep-alive comments between events.</content>
internal sealed partial class EventStreamPlayer
{
    // Waits before an event, writing keep-alive comments when the wait is longer than the keep-alive interval.
    private async Task PauseAsync(TimeSpan wait)
    {
        var keepAlive = _script.KeepAlive;
        var clock = Stopwatch.StartNew();
        while (keepAlive > TimeSpan.Zero && wait - clock.Elapsed > keepAlive)
        {
            await Task.Delay(keepAlive, _token).ConfigureAwait(false);
            await WriteCommentAsync(_script.KeepAliveComment).ConfigureAwait(false);
        }

        var rest = wait - clock.Elapsed;
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest, _token).ConfigureAwait(false);
        }
    }

    // SseFormatter writes events only; a comment goes straight to the body, between two of its events, and is flushed the same way.
    private async Task WriteCommentAsync(string comment)
    {
        var text = new StringBuilder();
        foreach (var line in comment.ReplaceLineEndings("\n").Split('\n'))
        {
            text.Append(':').Append(line.Length == 0 ? string.Empty : " " + line).Append('\n');
        }

        await _body.WriteAsync(Encoding.UTF8.GetBytes(text.Append('\n').ToString())).ConfigureAwait(false);
        await _body.FlushAsync().ConfigureAwait(false);
        _exchange.RecordEvent(new EventEntry(default, comment, DateTime.UtcNow.Ticks));
    }
}
