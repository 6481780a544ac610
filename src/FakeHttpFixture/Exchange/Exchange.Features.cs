using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FakeHttpFixture;

/// <content>The exchange as Kestrel's response, response body and lifetime features: every door a responder writes through.</content>
internal sealed partial class Exchange
{
    void IHttpResponseFeature.OnStarting(Func<object, Task> callback, object state)
    {
        if (!_notesAtStart && !_noted)
        {
            // Kestrel runs OnStarting callbacks last registered first: this one, registered before the caller's, runs after it.
            _notesAtStart = true;
            _response.OnStarting(static state => ((Exchange)state).NoteAtStart(), this);
        }

        _response.OnStarting(callback, state);
    }

    void IHttpResponseFeature.OnCompleted(Func<object, Task> callback, object state) => _response.OnCompleted(callback, state);

    void IHttpRequestLifetimeFeature.Abort() => Abort();

    void IHttpResponseBodyFeature.DisableBuffering() => _body.DisableBuffering();

    Task IHttpResponseBodyFeature.StartAsync(CancellationToken cancellationToken)
    {
        BeforeStart();
        return _body.StartAsync(cancellationToken);
    }

    Task IHttpResponseBodyFeature.SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken)
    {
        BeforeStart();
        var length = count ?? new FileInfo(path).Length - offset;

        // Counted once sent: a file that cannot be opened (403 on the wire) or a send cut short sent none of its length.
        var send = _capture is null ? _body.SendFileAsync(path, offset, count, cancellationToken) : SendCapturedFileAsync(path, offset, length, cancellationToken);
        if (send.IsCompletedSuccessfully)
        {
            Request.AddResponseBytes(length);
            return send;
        }

        return CountWhenSentAsync(send, length);
    }

    Task IHttpResponseBodyFeature.CompleteAsync()
    {
        BeforeStart();
        return _body.CompleteAsync();
    }

    private async Task CountWhenSentAsync(Task send, long length)
    {
        await send.ConfigureAwait(false);
        Request.AddResponseBytes(length);
    }

    // Kestrel sends a file without passing its bytes through the application, so a recorded body reads the range once itself.
    private async Task SendCapturedFileAsync(string path, long offset, long length, CancellationToken cancellationToken)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (file.ConfigureAwait(false))
        {
            file.Position = offset;
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Min(64 * 1024, Math.Max(length, 1)));
            try
            {
                for (var left = length; left > 0;)
                {
                    var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    await _capture!.WriteAsync(buffer.AsMemory(0, read), _response.Headers.ContentLength).ConfigureAwait(false);
                    left -= read;
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        await _body.SendFileAsync(path, offset, length, cancellationToken).ConfigureAwait(false);
    }
}
